import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { exportUrl, type Complaint } from './api';
import { ActiveFilters } from './ActiveFilters';
import { ComplaintList } from './ComplaintList';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueViews } from '../officers/QueueViews';
import { SaveView } from '../officers/SaveView';
import { filterQuery, queueParams, readFilters, sortFor, viewFilters, type QueueFilters } from './queueFilters';
import { BulkBar } from '../officers/BulkBar';
import { BulkProgress } from '../officers/BulkProgress';
import { useListCounts } from './useListCounts';
import './complaints.css';

export function QueuePage() {
  const { t } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = { ...filterQuery(filters), sort: sortFor(filters) };
  const [urgentCount, setUrgentCount] = useState(0);
  const counts = useListCounts(filterQuery(filters));
  // The complaints chosen for a bulk action, with the version each showed; the job started last.
  const [chosen, setChosen] = useState<Map<string, number>>(new Map());
  const [jobId, setJobId] = useState<string | null>(null);
  const selection = {
    selected: new Set(chosen.keys()),
    toggle: (c: Complaint) =>
      setChosen((cur) => {
        const next = new Map(cur);
        if (next.has(c.id)) next.delete(c.id);
        else next.set(c.id, c.version);
        return next;
      }),
  };

  function onChange(next: QueueFilters) {
    setParams(queueParams(next), { replace: true });
  }

  // A priority filter shows only its own list.
  const showUrgent = filters.priority !== 'normal';
  const showNormal = filters.priority !== 'urgent';
  const empty = { title: t('queue.emptyTitle'), hint: t('queue.emptyHint') };
  const actions = (
    <>
      <SaveView filters={filters} />
      <a className="button" href={exportUrl(filterQuery(filters))} download data-testid="export-csv">
        {t('queue.export')}
      </a>
    </>
  );
  return (
    <Page testId="page-queue" title={t('queue.title')} description={t('queue.description')} actions={actions}>
      <QueueViews value={filters.assignee} onChange={(assignee) => onChange({ ...filters, assignee })} />
      <QueueFilterBar key={filters.q} filters={filters} onChange={onChange} />
      <ActiveFilters filters={filters} onChange={onChange} count={counts?.count ?? null} />
      {jobId ? (
        <BulkProgress key={jobId} jobId={jobId} onClose={() => setJobId(null)} />
      ) : (
        <BulkBar
          chosen={[...chosen].map(([id, version]) => ({ id, version }))}
          filter={viewFilters(filters)}
          matching={counts?.count ?? null}
          onStarted={(id) => {
            setChosen(new Map());
            setJobId(id);
          }}
        />
      )}
      {/* Urgent complaints (safety incidents, key categories) are listed apart, above the rest, each by deadline. */}
      {showUrgent && (
        <ComplaintList
          query={{ ...query, priority: 'urgent' }}
          columns={['merchant', 'consumer']}
          testId="queue-urgent"
          heading={<h2 className="list-heading urgent-heading">{t('queue.urgent')}</h2>}
          onCount={setUrgentCount}
          selection={selection}
          empty={showNormal ? undefined : empty}
        />
      )}
      {showNormal && (
        <ComplaintList
          query={{ ...query, priority: 'normal' }}
          columns={['merchant', 'consumer']}
          testId="queue"
          heading={<h2 className="list-heading">{t('queue.others')}</h2>}
          selection={selection}
          empty={showUrgent && urgentCount ? undefined : empty}
        />
      )}
    </Page>
  );
}
