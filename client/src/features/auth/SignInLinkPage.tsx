import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from './session';

/** The page a mailed sign-in link opens; the token is in the fragment, which no server sees. */
export function SignInLinkPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('link.title'));
  const { signInWithLink } = useSession();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    // Out of the address bar and the history at once: the link works only once anyway.
    window.history.replaceState(null, '', window.location.pathname);
    // On success the session changes and the guest-only route sends the user home.
    signInWithLink(token).catch(() => setFailed(true));
    // Runs once per page load: a second attempt with the same token would only fail.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="auth-page" data-testid="page-sign-in-link">
      <div className="card auth-card">
        <h1>{t('link.title')}</h1>
        {failed ? (
          <Alert tone="danger" testId="sign-in-link-invalid">
            {t('link.invalid')} <Link to="/login">{t('link.back')}</Link>
          </Alert>
        ) : (
          <p className="muted">{t('link.signingIn')}</p>
        )}
      </div>
    </div>
  );
}
