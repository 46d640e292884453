import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { ROLE_HOME } from '../app/nav';
import { PendingAccount } from '../features/auth/PendingAccount';
import { useUser } from '../features/auth/session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Brand } from './Brand';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { NotificationToasts } from './NotificationToasts';
import { UserMenu } from './UserMenu';

/** The signed-in layout: header, role navigation (a sidebar, or a drop-down menu on narrow screens), page. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useUser();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="shell">
      <header className="app-header">
        <button
          className="nav-toggle"
          aria-controls="app-nav"
          aria-expanded={menuOpen}
          aria-label={t('nav.toggle')}
          onClick={() => setMenuOpen((o) => !o)}
          data-testid="nav-toggle"
        >
          <span aria-hidden="true" />
        </button>
        <Brand to={ROLE_HOME[user.role]} />
        <div className="header-tools">
          <ConnectionIndicator />
          <NotificationBell />
          <span className="badge badge-role" data-testid="user-role" data-role={user.role}>
            {t(`roles.${user.role}`)}
          </span>
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <NavMenu
        role={user.role}
        storeStaff={!!user.storeId}
        pending={user.status === 'pending'}
        open={menuOpen}
        onNavigate={() => setMenuOpen(false)}
      />
      <main className="main">{user.status === 'pending' ? <PendingAccount /> : <Outlet />}</main>
      <NotificationToasts />
    </div>
  );
}
