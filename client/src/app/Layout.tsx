import { AppShell } from '../components/AppShell';
import { Loading } from '../components/Loading';
import { PublicShell } from '../components/PublicShell';
import { useSession } from '../features/auth/session';

/** Public pages appear inside whichever shell fits the visitor. */
export function Layout() {
  const { status } = useSession();
  if (status === 'loading') {
    return (
      <div className="boot">
        <Loading />
      </div>
    );
  }
  return status === 'signed_in' ? <AppShell /> : <PublicShell />;
}
