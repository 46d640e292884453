// The header bell: unread count, the latest notifications, mark read. Live `notification` events add to
// it while the toasts (components/NotificationToasts) announce them.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { currentLocale } from '../../i18n/locale';
import { useSocketEvent } from '../../realtime/socket';
import { listNotifications, markAllRead, markRead, type AppNotification } from './api';
import './notifications.css';
import { useDismiss } from '../../components/useDismiss';

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    listNotifications(abort.signal).then(
      (p) => {
        setItems(p.items);
        setUnread(p.unreadCount);
        setError(null);
      },
      (e: unknown) => abort.signal.aborted || setError(describeError(e)),
    );
    return () => abort.abort();
  }, [attempt]);

  useSocketEvent('notification', (n) => {
    setUnread((u) => u + 1);
    setItems((list) => [
      { ...n, body: '', complaintId: null, read: false, at: new Date().toISOString() },
      ...list.filter((x) => x.id !== n.id),
    ]);
  });

  useDismiss(open, setOpen, root);

  function toggle() {
    // Opening refreshes, so the list also holds what arrived while the socket was down.
    if (!open) setAttempt((n) => n + 1);
    setOpen((o) => !o);
  }

  function setRead(id: string) {
    setItems((list) => list.map((x) => (x.id === id ? { ...x, read: true } : x)));
  }

  async function openOne(n: AppNotification) {
    setOpen(false);
    if (!n.read) {
      setRead(n.id);
      setUnread((u) => Math.max(0, u - 1));
      markRead(n.id).catch(() => setAttempt((a) => a + 1));
    }
    if (n.link) navigate(n.link);
  }

  async function readAll() {
    setItems((list) => list.map((x) => ({ ...x, read: true })));
    setUnread(0);
    await markAllRead().catch(() => setAttempt((a) => a + 1));
  }

  const title = (n: AppNotification) => (currentLocale() === 'en' && n.titleEn ? n.titleEn : n.title);
  return (
    <div className="bell" ref={root}>
      <button
        className="bell-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`${t('bell')}${unread ? ` · ${t('unread', { count: unread })}` : ''}`}
        onClick={toggle}
        data-testid="notification-bell"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="notification-unread">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-popover" role="dialog" aria-label={t('title')} data-testid="notification-list">
          <div className="bell-head">
            <strong>{t('title')}</strong>
            {unread > 0 && (
              <button className="button button-ghost bell-all" onClick={() => void readAll()} data-testid="notification-read-all">
                {t('markAll')}
              </button>
            )}
          </div>
          {error && <p className="field-error bell-empty">{t('loadFailed', { message: error })}</p>}
          {!error && items.length === 0 && <p className="muted bell-empty">{t('empty')}</p>}
          <ul className="bell-items">
            {items.map((n) => (
              <li key={n.id} className={n.read ? '' : 'is-unread'} data-testid="notification-item" data-read={n.read}>
                <button className="bell-item" onClick={() => void openOne(n)}>
                  <span className="bell-item-title">{title(n)}</span>
                  <span className="muted bell-item-time">{formatDateTime(n.at)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
