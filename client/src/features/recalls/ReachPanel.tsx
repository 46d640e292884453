import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSocketEvent } from '../../realtime/socket';
import { usePanel } from '../dashboard/usePanel';
import { getReach, type RecallReach } from './api';
import { Loaded } from './parts';

/** The publishing bureau's view: who the recall reached, changing live as notices are read and acknowledged. */
export function ReachPanel({ recallId }: { recallId: string }) {
  const { t } = useTranslation('recalls');
  const loaded = usePanel((s) => getReach(recallId, s), recallId, 0);
  const [live, setLive] = useState<RecallReach | null>(null);
  useSocketEvent('recall:reach', (r) => r.recallId === recallId && setLive(r));
  const panel = live ? { ...loaded, data: live } : loaded;
  return (
    <section className="card" data-testid="recall-reach">
      <h2>
        {t('reach.title')} <span className="badge">{t('reach.live')}</span>
      </h2>
      <Loaded panel={panel}>
        {(r) => (
          <>
            {!r.complete && <p className="muted">{t('reach.running')}</p>}
            <dl className="recall-figures">
              <Figure label={t('reach.consumersNotified')} value={r.consumers.notified} id="consumers-notified" />
              <Figure label={t('reach.consumersRead')} value={r.consumers.read} id="consumers-read" />
              <Figure label={t('reach.merchantsNotified')} value={r.merchants.notified} id="merchants-notified" />
              <Figure label={t('reach.merchantsAcknowledged')} value={r.merchants.acknowledged} id="merchants-acknowledged" />
            </dl>
            <h3>{t('reach.pending')}</h3>
            {r.merchants.pending.length === 0 ? (
              <p className="muted">{t('reach.nonePending')}</p>
            ) : (
              <ul className="recall-pending" data-testid="recall-pending">
                {r.merchants.pending.map((m) => (
                  <li key={m.id}>
                    <Link to={`/merchants/${m.id}`}>{m.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Figure({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`reach-${id}`}>{value}</dd>
    </div>
  );
}
