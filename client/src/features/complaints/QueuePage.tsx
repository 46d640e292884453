import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { exportUrl } from './api';
import { ActiveFilters } from './ActiveFilters';
import { ComplaintList } from './ComplaintList';
import { QueueFilterBar } from './QueueFilterBar';
import { FILTER_KEYS, filterQuery, readFilters, sortFor, type QueueFilters } from './queueFilters';
import { useListCounts } from './useListCounts';
import './complaints.css';

export function QueuePage() {
  const { t } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = { ...filterQuery(filters), sort: sortFor(filters) };
  const [urgentCount, setUrgentCount] = useState(0);
  const counts = useListCounts(filterQuery(filters));

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
      <ActiveFilters filters={filters} onChange={onChange} count={counts?.count ?? null} />
      {/* Urgent complaints (safety incidents, key categories) are listed apart, above the rest, each by deadline. */}
      <ComplaintList
        query={{ ...query, priority: 'urgent' }}
        columns={['merchant', 'consumer']}
        testId="queue-urgent"
        heading={<h2 className="list-heading urgent-heading">{t('queue.urgent')}</h2>}
        onCount={setUrgentCount}
      />
      <ComplaintList
        query={{ ...query, priority: 'normal' }}
        columns={['merchant', 'consumer']}
        testId="queue"
        heading={<h2 className="list-heading">{t('queue.others')}</h2>}
        empty={urgentCount ? undefined : { title: t('queue.emptyTitle'), hint: t('queue.emptyHint') }}
      />
    </Page>
  );
}
