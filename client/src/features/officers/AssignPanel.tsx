// Who handles a complaint in the viewer's bureau, and assigning it: to a chosen officer, or to oneself.
// A race with another officer answers 409; the page reloads and says so.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSED_STATUSES } from '../../../../shared/enums';
import type { Complaint } from '../../../../shared/schemas/complaint';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { assign } from './api';
import { useOfficers } from './useOfficers';

interface Props {
  complaint: Complaint;
  /** The complaint changed (or turned out stale): reload it. */
  onChanged(): void;
}

export function AssignPanel({ complaint: c, onChanged }: Props) {
  const { t } = useTranslation('officers');
  const user = useUser();
  const officers = useOfficers();
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState<'assign' | 'take' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closed = (CLOSED_STATUSES as readonly string[]).includes(c.status);

  async function run(kind: 'assign' | 'take', assigneeId: string) {
    setBusy(kind);
    setError(null);
    try {
      await assign(c.id, assigneeId, c.version);
      setPick('');
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t('assign.conflict'));
        onChanged();
      } else setError(describeError(e));
    } finally {
      setBusy(null);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (pick) void run('assign', pick);
  }

  return (
    <section className="card" data-testid="assign-panel">
      <h2>{t('assign.title')}</h2>
      <p data-testid="assignee" data-assignee={c.assignee?.id ?? ''}>
        {c.assignee ? t('assign.current', { name: c.assignee.name }) : <span className="muted">{t('assign.none')}</span>}
      </p>
      {error && <Alert tone="warning">{error}</Alert>}
      {!closed && (
        <form className="assign-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="assign-to">{t('assign.pick')}</label>
            <select id="assign-to" value={pick} onChange={(e) => setPick(e.target.value)} data-testid="assign-officer">
              <option value="">{t('assign.choose')}</option>
              {officers
                .filter((o) => o.id !== c.assignee?.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="button-row">
            <Button
              className="button button-primary"
              busy={busy === 'assign'}
              busyLabel={t('assign.busy')}
              disabled={!pick || !!busy}
              data-testid="assign-submit"
            >
              {t('assign.submit')}
            </Button>
            {c.assignee?.id !== user.id && (
              <Button
                type="button"
                busy={busy === 'take'}
                busyLabel={t('assign.taking')}
                disabled={!!busy}
                onClick={() => void run('take', user.id)}
                data-testid="assign-me"
              >
                {t('assign.take')}
              </Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
