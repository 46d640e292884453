// A bulk job's live progress (the `bulk:progress` socket event) and, once done, each complaint that
// was skipped with its reason, and an export's download.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSocketEvent } from '../../realtime/socket';
import { getBulkJob, type BulkJob } from './api';

export function BulkProgress({ jobId, onClose }: { jobId: string; onClose(): void }) {
  const { t } = useTranslation('officers');
  const [job, setJob] = useState<BulkJob | null>(null);
  const [tick, setTick] = useState({ done: 0, skipped: 0, total: 0, finished: false });

  useEffect(() => {
    const abort = new AbortController();
    getBulkJob(jobId, abort.signal).then(
      (j) => {
        setJob(j);
        setTick((cur) => (cur.finished ? cur : { done: j.done, skipped: j.skipped, total: j.total, finished: j.status === 'done' }));
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [jobId, tick.finished]);

  useSocketEvent('bulk:progress', (p) => {
    if (p.jobId === jobId) setTick({ done: p.done, skipped: p.skipped, total: p.total, finished: p.status === 'done' });
  });

  const handled = tick.done + tick.skipped;
  const skipped = job?.status === 'done' ? job.results.filter((r) => r.outcome === 'skipped') : [];
  return (
    <section className="card bulk-progress" data-testid="bulk-progress" data-status={tick.finished ? 'done' : 'running'}>
      <h2>{t(`bulk.actions.${job?.action ?? 'assign'}`)}</h2>
      <progress max={tick.total || 1} value={handled} aria-label={t('bulk.progress')} />
      <p data-testid="bulk-tally">{t('bulk.tally', { done: tick.done, skipped: tick.skipped, total: tick.total })}</p>
      {skipped.length > 0 && (
        <ul className="bulk-skipped" data-testid="bulk-skipped">
          {skipped.map((r) => (
            <li key={r.complaintId} data-reason={r.reason}>
              <Link to={`/complaints/${r.complaintId}`} className="mono">
                {r.number}
              </Link>{' '}
              {t(`bulk.reasons.${r.reason ?? 'other'}`, { defaultValue: t('bulk.reasons.other') })}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {job?.exportUrl && (
          <a className="button button-primary" href={job.exportUrl} download data-testid="bulk-download">
            {t('bulk.download')}
          </a>
        )}
        {tick.finished && (
          <button type="button" className="button button-ghost" onClick={onClose} data-testid="bulk-close">
            {t('bulk.close')}
          </button>
        )}
      </div>
    </section>
  );
}
