// The current deadline of a complaint explained in words, and its pauses for testing, inspection or
// appraisal: the handling bureau pauses and resumes (approving or refusing the merchant's request), the
// merchant asks for its response deadline. A race with another officer answers 409: the page reloads.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAUSE_REASONS, type PauseReason } from '../../../../shared/deadlines';
import type { Complaint } from '../../../../shared/schemas/complaint';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { declinePause, pauseDeadline, requestPause, resumeDeadline } from './api';
import { explanationText } from './explain';
import { TextField } from '../../components/form/TextField';

type Busy = 'pause' | 'resume' | 'request' | 'decline' | null;

export function DeadlinePanel({ complaint: c, onChanged }: { complaint: Complaint; onChanged(): void }) {
  const { t, i18n } = useTranslation('deadlines');
  const { role } = useUser();
  const d = c.deadlines.current;
  const actions = c.deadlines.actions;
  const [reason, setReason] = useState<PauseReason>(d?.pauseRequest?.reason ?? 'testing');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  if (!d) return null;

  async function run(kind: Exclude<Busy, null>, call: () => Promise<unknown>) {
    setBusy(kind);
    setError(null);
    try {
      await call();
      setNote('');
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t('panel.conflict'));
        onChanged();
      } else setError(describeError(e));
    } finally {
      setBusy(null);
    }
  }
  const expectedVersion = c.version;
  const withNote = note.trim() ? { note: note.trim() } : {};
  const canPause = actions.includes('pause');
  const canRequest = actions.includes('request_pause');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (canPause) void run('pause', () => pauseDeadline(c.id, { expectedVersion, reason, ...withNote }));
    else if (canRequest) void run('request', () => requestPause(c.id, { expectedVersion, reason, ...withNote }));
  }

  return (
    <section className="card" data-testid="deadline-panel" data-paused={d.paused}>
      <h2>{t('panel.title')}</h2>
      <p data-testid="deadline-explanation">{explanationText(t, i18n.language, d.kind, d.explanation)}</p>
      {d.paused && <span className="badge badge-warning">{t('panel.paused')}</span>}
      {d.pauseRequest && (
        <Alert tone="info" testId="pause-request">
          {role === 'merchant' ? t('panel.requestSent') : t('panel.requested', { reason: t(`reasons.${d.pauseRequest.reason}`) })}
          {d.pauseRequest.note ? ` · ${d.pauseRequest.note}` : ''}
        </Alert>
      )}
      {error && <Alert tone="warning">{error}</Alert>}
      {(canPause || canRequest) && (
        <form className="assign-form" onSubmit={submit}>
          <p className="muted">{t('panel.hint')}</p>
          <div className="field">
            <label htmlFor="pause-reason">{t('panel.reason')}</label>
            <select id="pause-reason" value={reason} onChange={(e) => setReason(e.target.value as PauseReason)} data-testid="pause-reason">
              {PAUSE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('panel.note')}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="pause-note"
          />
          <div className="button-row">
            <Button
              className="button button-primary"
              busy={busy === 'pause' || busy === 'request'}
              busyLabel={canPause ? t('panel.pausing') : t('panel.requesting')}
              disabled={!!busy}
              data-testid={canPause ? 'pause-submit' : 'request-pause-submit'}
            >
              {canPause ? (d.pauseRequest ? t('panel.approve') : t('panel.pause')) : t('panel.request')}
            </Button>
            {actions.includes('decline_pause_request') && (
              <Button
                type="button"
                busy={busy === 'decline'}
                busyLabel={t('panel.declining')}
                disabled={!!busy}
                data-testid="decline-pause"
                onClick={() => void run('decline', () => declinePause(c.id, { expectedVersion }))}
              >
                {t('panel.decline')}
              </Button>
            )}
          </div>
        </form>
      )}
      {actions.includes('resume') && (
        <div className="button-row">
          <Button
            className="button button-primary"
            busy={busy === 'resume'}
            busyLabel={t('panel.resuming')}
            disabled={!!busy}
            data-testid="resume-deadline"
            onClick={() => void run('resume', () => resumeDeadline(c.id, { expectedVersion }))}
          >
            {t('panel.resume')}
          </Button>
        </div>
      )}
    </section>
  );
}
