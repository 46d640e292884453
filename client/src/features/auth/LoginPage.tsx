import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { loginSchema } from '../../../../shared/schemas/auth';
import { requestSignInLink } from '../../api/auth';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/form/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsFromDetails, type FieldErrors } from '../../components/form/fieldErrors';
import { useForm } from '../../components/form/useForm';
import { describeError } from '../../i18n/errors';
import { i18n } from '../../i18n';
import { DemoAccounts } from './DemoAccounts';
import { useSession } from './session';
import { Button } from '../../components/Button';

function loginFailure(error: unknown): { form: string | null; fields: FieldErrors } {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'auth', ...options });
  if (error instanceof ApiError) {
    if (error.status === 401) return { form: t('login.invalidCredentials'), fields: {} };
    if (error.status === 429) {
      const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
      const retry = minutes ? t('login.retryIn', { minutes }) : t('login.retryLater');
      return { form: t(error.code === 'account_locked' ? 'login.locked' : 'login.rateLimited', { retry }), fields: {} };
    }
    if (error.status === 400) {
      const fields = fieldErrorsFromDetails(error.details);
      return { form: Object.keys(fields).length ? null : describeError(error), fields };
    }
  }
  return { form: describeError(error), fields: {} };
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('login.title'));
  const { signIn } = useSession();
  // Where the visitor was heading (a form with a store chosen): registering instead still goes back there.
  const heading = useLocation().state as unknown;
  const { field, setValues, setFieldErrors, formError, setFormError, busy, submit, values } = useForm({ email: '', password: '' });
  // A locked account can still get in through a link mailed to its owner.
  const [locked, setLocked] = useState(false);
  const [linkSent, setLinkSent] = useState(false);

  // On success the session changes and the guest-only route sends the user on.
  const onSubmit = (e: FormEvent) =>
    submit(e, loginSchema, values, signIn, (err) => {
      setLocked(err instanceof ApiError && err.code === 'account_locked');
      const failure = loginFailure(err);
      setFormError(failure.form);
      setFieldErrors(failure.fields);
    });

  return (
    <div className="auth-page" data-testid="page-login">
      <div className="card auth-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {formError && (
          <Alert tone="danger" testId="login-error">
            {formError}
          </Alert>
        )}
        {locked && !linkSent && (
          <button
            type="button"
            className="button button-block"
            data-testid="send-sign-in-link"
            onClick={() =>
              void requestSignInLink(values.email.trim()).then(
                () => setLinkSent(true),
                (err) => setFormError(describeError(err)),
              )
            }
          >
            {t('login.sendLink')}
          </button>
        )}
        {linkSent && (
          <Alert tone="info" testId="sign-in-link-sent">
            {t('login.linkSent')}
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate>
          <TextField {...field('email')} type="email" autoComplete="username" label={t('fields.email')} />
          <TextField {...field('password')} type="password" autoComplete="current-password" label={t('fields.password')} />
          <Button className="button button-primary button-block" busy={busy} busyLabel={t('login.submitting')} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </form>
        <p className="auth-switch">
          {t('login.noAccount')}{' '}
          <Link to="/register" state={heading} data-testid="to-register">
            {t('login.register')}
          </Link>
        </p>
        <DemoAccounts
          onPick={(email, password) => {
            setValues({ email, password });
            setFieldErrors({});
            setFormError(null);
          }}
        />
      </div>
    </div>
  );
}
