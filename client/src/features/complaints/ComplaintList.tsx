// Loading, failure, empty and "load more" around a live complaint table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import type { Complaint } from './api';
import { ComplaintTable } from './ComplaintTable';
import { useComplaintList } from './useComplaintList';

interface Props {
  query: Query;
  columns: readonly ('merchant' | 'consumer')[];
  testId: string;
  empty: { title: string; hint: string; action?: ReactNode };
  /** Reorders the loaded rows (the regulator queue puts urgent ones first). */
  arrange?(items: Complaint[]): Complaint[];
}

export function ComplaintList({ query, columns, testId, empty, arrange }: Props) {
  const { t } = useTranslation('complaints');
  const list = useComplaintList(query);
  if (list.error && !list.items) return <Alert tone="danger">{list.error}</Alert>;
  if (!list.items) return <Loading />;
  if (list.items.length === 0) return <EmptyState title={empty.title} hint={empty.hint} action={empty.action} />;
  return (
    <>
      {list.error && <Alert tone="danger">{list.error}</Alert>}
      <ComplaintTable items={arrange ? arrange(list.items) : list.items} fresh={list.fresh} columns={columns} testId={testId} />
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
