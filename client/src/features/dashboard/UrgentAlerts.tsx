// A banner for each urgent complaint (safety incident or key category) filed while the dashboard is open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSocketEvent, type ServerEvents } from '../../realtime/socket';

type Created = ServerEvents['complaint:created'];
const MAX_SHOWN = 3;

export function UrgentAlerts({ name }: { name(code: string): string }) {
  const { t } = useTranslation('dashboard');
  const [shown, setShown] = useState<Created[]>([]);
  useSocketEvent('complaint:created', (c) => {
    if (c.priority === 'urgent') setShown((list) => [c, ...list.filter((x) => x.id !== c.id)].slice(0, MAX_SHOWN));
  });
  if (shown.length === 0) return null;
  return (
    <div className="dash-urgent-list" aria-live="assertive">
      {shown.map((c) => (
        <div key={c.id} className="dash-urgent" role="alert" data-testid="urgent-complaint" data-id={c.id}>
          <span className="dash-urgent-mark" aria-hidden="true">
            !
          </span>
          <div>
            <strong>{t('urgent.title')}</strong>
            <div className="muted">{t('urgent.body', { region: name(c.countyCode) })}</div>
          </div>
          <Link className="button button-danger" to={`/complaints/${c.id}`} data-testid="urgent-open">
            {t('urgent.open')}
          </Link>
          <button className="button button-ghost" onClick={() => setShown((list) => list.filter((x) => x.id !== c.id))}>
            {t('urgent.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
