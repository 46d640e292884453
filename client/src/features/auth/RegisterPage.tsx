import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { isValidCreditCode } from '../../../../shared/creditCode';
import { registerSchema } from '../../../../shared/schemas/auth';
import type { RegisterRequest } from '../../api/auth';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/form/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsFromDetails } from '../../components/form/fieldErrors';
import { useForm } from '../../components/form/useForm';
import { describeError } from '../../i18n/errors';
import { currentLocale } from '../../i18n/locale';
import { useSession } from './session';
import { Button } from '../../components/Button';

const MESSAGE_KEYS = { phone: 'validation.phone', 'merchant.creditCode': 'validation.creditCode' };

const EMPTY = { name: '', email: '', password: '', phone: '', merchantName: '', creditCode: '' };
type Values = typeof EMPTY;

function toRequest(v: Values, isMerchant: boolean): RegisterRequest {
  return {
    name: v.name,
    email: v.email,
    password: v.password,
    locale: currentLocale(),
    ...(v.phone.trim() ? { phone: v.phone } : {}),
    ...(isMerchant ? { role: 'merchant', merchant: { name: v.merchantName, creditCode: v.creditCode } } : { role: 'consumer' }),
  };
}

export function RegisterPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('register.title'));
  const { signUp } = useSession();
  const heading = useLocation().state as unknown;
  const { values, set, field, fieldErrors, setFieldErrors, formError, setFormError, busy, submit } = useForm(EMPTY, MESSAGE_KEYS);
  const [isMerchant, setIsMerchant] = useState(false);
  const creditCodeOk = isValidCreditCode(values.creditCode.trim());

  function checkCreditCode() {
    const code = values.creditCode.trim();
    setFieldErrors((errors) => {
      const next = { ...errors };
      delete next['merchant.creditCode'];
      if (code && !isValidCreditCode(code)) next['merchant.creditCode'] = t('validation.creditCode');
      return next;
    });
  }

  function failure(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      if (error.code.includes('credit')) setFieldErrors({ 'merchant.creditCode': t('register.creditCodeTaken') });
      else setFieldErrors({ email: t('register.emailTaken') });
      return;
    }
    const fields = error instanceof ApiError && error.status === 400 ? fieldErrorsFromDetails(error.details, MESSAGE_KEYS) : {};
    setFieldErrors(fields);
    if (!Object.keys(fields).length) setFormError(describeError(error));
  }

  // Signed in afterwards; the guest-only route then sends the user to their home page.
  const onSubmit = (e: FormEvent) => submit(e, registerSchema, toRequest(values, isMerchant), signUp, failure);

  return (
    <div className="auth-page" data-testid="page-register">
      <div className="card auth-card">
        <h1>{t('register.title')}</h1>
        <p className="muted">{t('register.intro')}</p>
        {formError && (
          <Alert tone="danger" testId="register-error">
            {formError}
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate>
          <TextField {...field('name')} autoComplete="name" label={t('fields.name')} />
          <TextField {...field('email')} type="email" autoComplete="email" label={t('fields.email')} />
          <TextField
            {...field('password')}
            type="password"
            autoComplete="new-password"
            label={t('fields.password')}
            hint={t('register.passwordHint')}
          />
          <TextField {...field('phone')} type="tel" autoComplete="tel" label={t('fields.phone')} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={isMerchant}
              onChange={(e) => setIsMerchant(e.target.checked)}
              data-testid="register-merchant-toggle"
            />
            {t('register.isMerchant')}
          </label>
          {isMerchant && (
            <fieldset className="merchant-fields">
              <Alert tone="info" testId="merchant-approval-notice">
                {t('register.merchantNotice')}
              </Alert>
              <TextField {...field('merchantName', 'merchant.name')} autoComplete="organization" label={t('fields.merchantName')} />
              <TextField
                name="merchant.creditCode"
                className="mono"
                maxLength={18}
                spellCheck={false}
                autoCapitalize="characters"
                label={t('fields.creditCode')}
                hint={creditCodeOk ? <span className="text-success">✓ {t('register.creditCodeOk')}</span> : t('register.creditCodeHint')}
                value={values.creditCode}
                onChange={(e) => set('creditCode', e.target.value.toUpperCase())}
                onBlur={checkCreditCode}
                error={fieldErrors['merchant.creditCode']}
              />
            </fieldset>
          )}
          <Button
            className="button button-primary button-block"
            busy={busy}
            busyLabel={t('register.submitting')}
            data-testid="register-submit"
          >
            {t('register.submit')}
          </Button>
        </form>
        <p className="auth-switch">
          {t('register.haveAccount')}{' '}
          <Link to="/login" state={heading}>
            {t('register.login')}
          </Link>
        </p>
      </div>
    </div>
  );
}
