import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { TimelineEvent } from './api';
import { RegionName } from './regions';

/** The one detail of an event worth a line under its title. */
function EventDetail({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation('complaints');
  const d = e.data as {
    responseType?: string;
    toRegion?: string;
    reasonCode?: string;
    reason?: string;
    satisfaction?: number;
    route?: { merchantName?: string; storeName?: string };
    assigneeName?: string;
  };
  if (e.action === 'assign' && d.assigneeName) return <>{d.assigneeName}</>;
  // A pause's reason is a code (testing, inspection, appraisal); a refusal's is the bureau's own words.
  if ((e.action === 'pause_deadline' || e.action === 'request_pause') && d.reason) return <>{t(`deadlines:reasons.${d.reason}`)}</>;
  if (e.action === 'respond' && d.responseType) return <>{t(`responseTypes.${d.responseType}`)}</>;
  if (e.action === 'transfer' && d.toRegion) return <RegionName code={d.toRegion} />;
  if (e.action === 'decline' && d.reasonCode) return <>{t(`declineReasons.${d.reasonCode}`)}</>;
  if (e.action === 'redirect' && d.route?.storeName) return <>{[d.route.merchantName, d.route.storeName].filter(Boolean).join(' · ')}</>;
  if (e.action === 'rate' && d.satisfaction) return <>{'★'.repeat(d.satisfaction)}</>;
  if (d.reason) return <>{d.reason}</>;
  return null;
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('complaints');
  return (
    <section className="card" data-testid="timeline">
      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.seq} className={`timeline-item party-${e.party}`} data-testid="timeline-event" data-action={e.action}>
            <span className="timeline-dot" aria-hidden="true" />
            <div>
              <div className="cell-strong">{t(`events.${e.action}`, { defaultValue: e.action })}</div>
              <div className="timeline-detail">
                <EventDetail e={e} />
              </div>
              <div className="muted timeline-meta">
                {t(`parties.${e.party}`)} · {formatDateTime(e.at)}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
