// The invitation link: who it is for, and a password to set; then the app opens signed in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { useLoad } from '../returns/useLoad';
import { acceptInvitation, getInvitation } from './api';

export function InvitationPage() {
  const { t } = useTranslation('users');
  const { token = '' } = useParams();
  const inv = useLoad((signal) => getInvitation(token, signal), [token]);
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 10) return setError(t('accept.tooShort'));
    void run(
      async () => {
        await acceptInvitation(token, password);
        // A full load starts the app with the new session.
        window.location.assign('/');
      },
      { leaves: true },
    );
  }

  return (
    <Page testId="page-invitation" title={t('accept.title')}>
      {inv.error ? (
        <Alert tone="danger">{t('accept.invalid')}</Alert>
      ) : !inv.data ? (
        <Loading />
      ) : (
        <form className="card invite-form" onSubmit={submit} data-testid="accept-form">
          <p>
            {t('accept.for', {
              name: inv.data.name,
              email: inv.data.email,
              where: [inv.data.orgName, inv.data.storeName].filter(Boolean).join(' · ') || '放心 Fangxin',
            })}
          </p>
          {error && <Alert tone="danger">{error}</Alert>}
          <TextField
            label={t('accept.password')}
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="accept-password"
          />
          <Button type="submit" className="button button-primary" busy={busy} busyLabel={t('working.accept')} data-testid="accept-submit">
            {t('accept.submit')}
          </Button>
        </form>
      )}
    </Page>
  );
}
