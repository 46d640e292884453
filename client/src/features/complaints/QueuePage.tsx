import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { exportUrl, type Complaint } from './api';
import { ComplaintList } from './ComplaintList';
import { QueueFilterBar } from './QueueFilterBar';
import { FILTER_KEYS, filterQuery, readFilters, sortFor, type QueueFilters } from './queueFilters';
import './complaints.css';

// Within the loaded rows, urgent complaints (safety incidents, key categories) come before the rest;
// each group keeps the server's deadline order.
const urgentFirst = (items: Complaint[]) => [...items].sort((a, b) => Number(b.priority === 'urgent') - Number(a.priority === 'urgent'));

export function QueuePage() {
  const { t } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = { ...filterQuery(filters), sort: sortFor(filters) };

  function onChange(next: QueueFilters) {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k] || (k === 'status' && next.status !== 'open')) p.set(k, next[k]);
    setParams(p, { replace: true });
  }

  const exportLink = (
    <a className="button" href={exportUrl(filterQuery(filters))} download data-testid="export-csv">
      {t('queue.export')}
    </a>
  );
  return (
    <Page testId="page-queue" title={t('queue.title')} description={t('queue.description')} actions={exportLink}>
      <QueueFilterBar key={filters.q} filters={filters} onChange={onChange} />
      <ComplaintList
        query={query}
        columns={['merchant', 'consumer']}
        testId="queue"
        arrange={urgentFirst}
        empty={{ title: t('queue.emptyTitle'), hint: t('queue.emptyHint') }}
      />
    </Page>
  );
}
