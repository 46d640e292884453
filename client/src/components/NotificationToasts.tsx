import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSocketEvent, type ServerEvents } from '../realtime/socket';

type Notification = ServerEvents['notification'];

const SHOWN_MS = 8000;
const MAX_SHOWN = 3;

/** Live `notification` events as dismissable toasts. */
export function NotificationToasts() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Notification[]>([]);
  const dismiss = (id: string) => setShown((list) => list.filter((n) => n.id !== id));

  useSocketEvent('notification', (n) => {
    setShown((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, MAX_SHOWN));
    setTimeout(() => dismiss(n.id), SHOWN_MS);
  });

  return (
    <div className="toasts" aria-live="polite" data-testid="notifications">
      {shown.map((n) => (
        <div key={n.id} className="toast" data-testid="notification">
          <span>{n.title}</span>
          {n.link && (
            <Link to={n.link} onClick={() => dismiss(n.id)}>
              {t('notification.open')}
            </Link>
          )}
          <button className="toast-close" aria-label={t('actions.close')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
