import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { PUBLIC_NAV, navTestId } from '../app/nav';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/** The signed-out layout: public pages and the sign-in and sign-up forms. */
export function PublicShell() {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <header className="app-header">
        <Brand to="/login" />
        <nav className="public-nav" aria-label={t('nav.label')} data-testid="public-nav">
          {PUBLIC_NAV.map((entry) => (
            <NavLink key={entry.path} to={entry.path} data-testid={navTestId(entry.path)}>
              {t(entry.labelKey)}
            </NavLink>
          ))}
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <NavLink className="button button-ghost" to="/login" data-testid="nav-login">
            {t('nav.signIn')}
          </NavLink>
          <NavLink className="button button-primary" to="/register" data-testid="nav-register">
            {t('nav.signUp')}
          </NavLink>
        </div>
      </header>
      <main className="main public-main">
        <Outlet />
      </main>
      <footer className="public-footer muted">{t('product.tagline')}</footer>
    </div>
  );
}
