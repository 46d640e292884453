// A bulk action on the queue: the chosen complaints (or all the filter matches) assigned to an
// officer, transferred to a county, accepted, or exported, as one job whose progress and results
// BulkProgress shows. The Idempotency-Key is kept until a job is started, so a retry after a lost
// answer finds the job it already made instead of starting a second.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_ACTIONS, type BulkAction } from '../../../../shared/schemas/bulk';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { CityCountyPicker } from '../complaints/regions';
import { createBulkJob, type BulkInput } from './api';
import { useOfficers } from './useOfficers';

interface Props {
  /** The chosen complaints with the version each showed. */
  chosen: { id: string; version: number }[];
  /** The queue's filter, for "all matching" (and how many that is, when known). */
  filter: Record<string, string>;
  matching: number | null;
  onStarted(jobId: string): void;
}

export function BulkBar({ chosen, filter, matching, onStarted }: Props) {
  const { t } = useTranslation('officers');
  const officers = useOfficers();
  const [all, setAll] = useState(false);
  const [action, setAction] = useState<BulkAction>('assign');
  const [assigneeId, setAssigneeId] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const { busy, error, run } = useSubmit();
  const [key, setKey] = useState(() => crypto.randomUUID());

  const count = all ? matching : chosen.length;
  const ready = !!count && (action !== 'assign' || !!assigneeId) && (action !== 'transfer' || !!county);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    const input: BulkInput = {
      action,
      ...(all ? { filter } : { items: chosen }),
      ...(action === 'assign' ? { assigneeId } : {}),
      ...(action === 'transfer' ? { toRegion: county } : {}),
    };
    void run(async () => {
      const job = await createBulkJob(input, key);
      setKey(crypto.randomUUID());
      setAll(false);
      onStarted(job.id);
    });
  }

  return (
    <form className="card bulk-bar" onSubmit={submit} data-testid="bulk-bar">
      <div className="bulk-scope">
        <strong data-testid="bulk-count">{t('bulk.chosen', { count: count ?? 0 })}</strong>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="bulk-all" />{' '}
          {t('bulk.all', { count: matching ?? 0 })}
        </label>
      </div>
      <div className="field">
        <label htmlFor="bulk-action">{t('bulk.action')}</label>
        <select id="bulk-action" value={action} onChange={(e) => setAction(e.target.value as BulkAction)} data-testid="bulk-action">
          {BULK_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`bulk.actions.${a}`)}
            </option>
          ))}
        </select>
      </div>
      {action === 'assign' && (
        <div className="field">
          <label htmlFor="bulk-assignee">{t('assign.pick')}</label>
          <select id="bulk-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} data-testid="bulk-assignee">
            <option value="">{t('assign.choose')}</option>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {action === 'transfer' && (
        <CityCountyPicker
          prefix="bulk-transfer"
          city={city}
          county={county}
          onChange={(c, k) => {
            setCity(c);
            setCounty(k);
          }}
          cityLabel={t('bulk.city')}
          countyLabel={t('bulk.transferTo')}
          empty={t('bulk.choose')}
        />
      )}
      <div className="button-row">
        <Button className="button button-primary" busy={busy} busyLabel={t('bulk.starting')} disabled={!ready} data-testid="bulk-submit">
          {t('bulk.run', { count: count ?? 0 })}
        </Button>
      </div>
      {error && <Alert tone="danger">{error}</Alert>}
    </form>
  );
}
