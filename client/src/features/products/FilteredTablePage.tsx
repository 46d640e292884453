import type { ComponentProps, ReactNode } from 'react';
import { Select } from '../../components/form/Select';
import { Page } from '../../components/Page';
import { CountedTable } from './parts';

type Props<T extends { id: string }> = Parameters<typeof CountedTable<T>>[0] & {
  page: { testId: string; title: string; description: string };
  /** The list's one filter, in the header (its label is for screen readers). */
  filter: Omit<ComponentProps<typeof Select>, 'aria-label'> & { label: string };
  /** Other header actions, after the filter. */
  actions?: ReactNode;
  /** What stands above the table (figures); when given, even as null, the two are stacked. */
  above?: ReactNode;
};

/** A list page of the bureaus' work (flags, cases, follow-ups, credit contests): a filter, then the counted table. */
export function FilteredTablePage<T extends { id: string }>({ page, filter: { label, ...filter }, actions, above, ...table }: Props<T>) {
  const select = <Select aria-label={label} {...filter} />;
  const list = <CountedTable<T> {...table} />;
  return (
    <Page
      {...page}
      actions={
        actions ? (
          <>
            {select}
            {actions}
          </>
        ) : (
          select
        )
      }
    >
      {above === undefined ? (
        list
      ) : (
        <div className="enf-stack">
          {above}
          {list}
        </div>
      )}
    </Page>
  );
}
