import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession, useUser } from '../features/auth/session';
import { useDismiss } from './useDismiss';

export function UserMenu() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(open, setOpen, root);

  function onSignOut() {
    setOpen(false);
    void signOut();
  }

  return (
    <div className="user-menu" ref={root}>
      <button
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('user.menu')}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <span className="avatar" aria-hidden="true">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu-name">{user.name}</span>
      </button>
      {open && (
        <div className="user-menu-popover" role="menu">
          <div className="user-menu-identity">
            <strong>{user.name}</strong>
            <span className="muted">{user.email}</span>
            {user.orgName && <span className="muted">{user.orgName}</span>}
          </div>
          <Link
            role="menuitem"
            className="user-menu-item user-menu-link"
            to="/settings/notifications"
            onClick={() => setOpen(false)}
            data-testid="notification-settings-link"
          >
            {t('notifications:settings.menu')}
          </Link>
          <button role="menuitem" className="user-menu-item" onClick={onSignOut} data-testid="sign-out">
            {t('user.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
