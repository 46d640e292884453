// The small labels every complaint list and page shares: status, urgency, time left on the deadline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText } from '../deadlines/explain';
import { isClosed } from '../../../../shared/complaintMachine';
import type { ComplaintStatus } from '../../../../shared/enums';
import type { Complaint } from './api';

const STATUS_TONE: Partial<Record<ComplaintStatus, string>> = {
  awaiting_merchant: 'badge-warning',
  merchant_responded: 'badge-role',
  awaiting_regulator: 'badge-warning',
  in_mediation: 'badge-role',
  resolved: 'badge-success',
  mediated: 'badge-success',
  mediation_failed: 'badge-danger',
};

export function StatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation('complaints');
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`} data-testid="complaint-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function UrgentBadge() {
  const { t } = useTranslation('complaints');
  return (
    <span className="badge badge-danger" data-testid="urgent">
      {t('urgent')}
    </span>
  );
}

/** A row that arrived while the list was open and has not been opened yet. */
export function NewBadge() {
  const { t } = useTranslation('complaints');
  return (
    <span className="badge badge-role" data-testid="new-badge">
      {t('new')}
    </span>
  );
}

/** Re-renders every minute so "time left" stays true while a page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function DeadlineBadge({ complaint, withKind = false }: { complaint: Complaint; withKind?: boolean }) {
  const { t, i18n } = useTranslation('complaints');
  const now = useNow();
  const current = complaint.deadlines.current;
  if (!current || isClosed(complaint.status)) return <span className="muted">—</span>;
  const ms = new Date(current.dueAt).getTime() - now;
  const abs = Math.abs(ms);
  const span =
    abs >= DAY
      ? `${t('time.days', { count: Math.floor(abs / DAY) })} ${t('time.hours', { count: Math.floor((abs % DAY) / HOUR) })}`
      : abs >= HOUR
        ? t('time.hours', { count: Math.floor(abs / HOUR) })
        : t('time.minutes', { count: Math.max(1, Math.floor(abs / 60_000)) });
  const overdue = !current.paused && ms < 0;
  const soon = !overdue && !current.paused && ms < 2 * DAY;
  // Hovering explains the due time: start, working days, 调休 and holidays, pauses.
  const why = explanationText(i18n.t.bind(i18n), i18n.language, current.kind, current.explanation);
  return (
    <span className="deadline" title={why} data-testid="deadline" data-overdue={overdue} data-paused={current.paused}>
      {withKind && <span className="muted">{t(`deadlineKind.${current.kind}`)} · </span>}
      <span className={overdue ? 'badge badge-danger' : soon || current.paused ? 'badge badge-warning' : 'deadline-left'}>
        {current.paused ? t('time.paused') : overdue ? t('time.overdue', { time: span }) : t('time.left', { time: span })}
      </span>
    </span>
  );
}
