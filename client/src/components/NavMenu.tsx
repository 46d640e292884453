import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { Role } from '../../../shared/enums';
import { navFor, navTestId } from '../app/nav';
import { SavedViewsNav } from '../features/officers/SavedViewsNav';

interface Props {
  role: Role;
  /** Store staff (a merchant account bound to one store) see no headquarters-only entries. */
  storeStaff?: boolean;
  /** A merchant awaiting approval has nothing to open yet. */
  pending?: boolean;
  open: boolean;
  onNavigate(): void;
}

export function NavMenu({ role, storeStaff = false, pending = false, open, onNavigate }: Props) {
  const { t } = useTranslation();
  const entries = pending ? [] : navFor(role, storeStaff);
  return (
    <nav id="app-nav" className={`sidebar${open ? ' is-open' : ''}`} aria-label={t('nav.label')} data-testid="nav">
      <ul>
        {entries.map((entry) => (
          <li key={entry.path}>
            {/* Exact match only when a sibling entry lives below this path, so both are not highlighted. */}
            <NavLink
              to={entry.path}
              end={entries.some((e) => e.path.startsWith(`${entry.path}/`))}
              onClick={onNavigate}
              data-testid={navTestId(entry.path)}
            >
              {t(entry.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
      {role === 'regulator' && !pending && <SavedViewsNav onNavigate={onNavigate} />}
    </nav>
  );
}
