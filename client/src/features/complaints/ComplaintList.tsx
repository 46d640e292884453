// Loading, failure, empty and "load more" around a live complaint table.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { ComplaintTable, type Selection } from './ComplaintTable';
import { useComplaintList } from './useComplaintList';

interface Props {
  query: Query;
  columns: readonly ('merchant' | 'consumer')[];
  testId: string;
  /** What to show when nothing matches; without it, an empty list shows nothing at all. */
  empty?: { title: string; hint: string; action?: ReactNode };
  /** A heading above the rows, shown only when there are rows. */
  heading?: ReactNode;
  /** Told how many rows are shown once loaded. */
  onCount?(count: number): void;
  /** Rows shown elsewhere on the page (the inbox's new arrivals), left out here. */
  exclude?: ReadonlySet<string>;
  selection?: Selection;
}

export function ComplaintList({ query, columns, testId, empty, heading, onCount, exclude, selection }: Props) {
  const { t } = useTranslation('complaints');
  const list = useComplaintList(query);
  const items = exclude?.size ? list.items?.filter((c) => !exclude.has(c.id)) : list.items;
  const count = items?.length;
  useEffect(() => {
    if (count !== undefined) onCount?.(count);
  }, [count, onCount]);
  if (list.error && !list.items) return <Alert tone="danger">{list.error}</Alert>;
  if (!items) return <Loading />;
  if (items.length === 0) return empty ? <EmptyState title={empty.title} hint={empty.hint} action={empty.action} /> : null;
  return (
    <>
      {heading}
      {list.error && <Alert tone="danger">{list.error}</Alert>}
      <ComplaintTable items={items} fresh={list.fresh} columns={columns} testId={testId} selection={selection} />
      {list.hasMore && (
        <div className="list-more">
          <button className="button" disabled={list.loadingMore} onClick={() => void list.loadMore()} data-testid="load-more">
            {t('list.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
