// The headline figures of the period, each a link to the complaints it counts.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { COMPLAINT_STATUSES } from '../../../../shared/enums';
import type { Filter, Summary } from './api';
import { queueLink } from './drill';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const CLOSED = 'closed';

export function SummaryFigures({ summary, filter }: { summary: Summary; filter: Filter }) {
  const { t } = useTranslation('dashboard');
  const closedLink = queueLink(filter, { status: CLOSED });
  const figure = (testId: string, label: string, value: string, hint: string, to: string) => (
    <Link className="card dash-figure" to={to} data-testid={testId}>
      <span className="dash-figure-label">{label}</span>
      <span className="dash-figure-value">{value}</span>
      <span className="dash-figure-hint muted">{hint}</span>
    </Link>
  );
  return (
    <>
      <div className="dash-figures">
        {figure(
          'figure-total',
          t('summary.total'),
          summary.total.toLocaleString(),
          t('summary.closed', { count: summary.closed }),
          queueLink(filter),
        )}
        {figure(
          'figure-source-resolution',
          t('summary.sourceResolution'),
          pct(summary.sourceResolutionRate),
          t('summary.sourceResolutionHint'),
          queueLink(filter, { status: 'resolved' }),
        )}
        {figure('figure-timely', t('summary.timely'), pct(summary.timelyResponseRate), t('summary.timelyHint'), queueLink(filter))}
        {figure(
          'figure-median-days',
          t('summary.medianDays'),
          summary.medianDaysToClose === null ? '—' : t('summary.days', { value: summary.medianDaysToClose }),
          '',
          closedLink,
        )}
        {figure(
          'figure-satisfaction',
          t('summary.satisfaction'),
          summary.satisfaction === null ? '—' : t('summary.outOf', { value: summary.satisfaction.toFixed(2) }),
          '',
          closedLink,
        )}
      </div>
      <div className="dash-statuses" aria-label={t('summary.byStatus')} data-testid="figure-by-status">
        <span className="muted">{t('summary.byStatus')}</span>
        {COMPLAINT_STATUSES.filter((s) => summary.byStatus[s]).map((s) => (
          <Link key={s} className="dash-chip" to={queueLink(filter, { status: s })} data-testid={`status-${s}`}>
            {t(`complaints:status.${s}`)} <strong>{summary.byStatus[s]}</strong>
          </Link>
        ))}
      </div>
    </>
  );
}
