import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../../../shared/enums';
import { useSession } from '../features/auth/session';
import { ROLE_HOME } from './nav';
import { canOpen } from './routes';
import { ForbiddenPage } from './StatusPages';

interface FromState {
  from?: string;
}

/** Signed-out visitors go to sign in (and come back afterwards); other roles see a "no access" page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search } satisfies FromState} />;
  return roles.includes(user.role) ? children : <ForbiddenPage />;
}

/** Sign-in and sign-up: once signed in, go where the user was heading if their role may, else to their home. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const from = (useLocation().state as FromState | null)?.from;
  if (!user) return children;
  const pathname = from?.split('?')[0];
  return <Navigate to={from && pathname && canOpen(user.role, pathname) ? from : ROLE_HOME[user.role]} replace />;
}

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user ? ROLE_HOME[user.role] : '/login'} replace />;
}
