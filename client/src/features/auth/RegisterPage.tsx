import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isValidCreditCode } from '../../../../shared/creditCode';
import { registerSchema } from '../../../../shared/schemas/auth';
import type { RegisterRequest } from '../../api/auth';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/form/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsFromDetails, fieldErrorsFromIssues, type FieldErrors } from '../../components/form/fieldErrors';
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
  const [values, setValues] = useState(EMPTY);
  const [isMerchant, setIsMerchant] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }));
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

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = registerSchema.safeParse(toRequest(values, isMerchant));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues, MESSAGE_KEYS));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      // Signed in afterwards; the guest-only route then sends the user to their home page.
      await signUp(parsed.data);
    } catch (err) {
      failure(err);
      setBusy(false);
    }
  }

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
          <TextField
            name="name"
            autoComplete="name"
            label={t('fields.name')}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            error={fieldErrors.name}
          />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            label={t('fields.email')}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            error={fieldErrors.email}
          />
          <TextField
            name="password"
            type="password"
            autoComplete="new-password"
            label={t('fields.password')}
            hint={t('register.passwordHint')}
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
            error={fieldErrors.password}
          />
          <TextField
            name="phone"
            type="tel"
            autoComplete="tel"
            label={t('fields.phone')}
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={fieldErrors.phone}
          />
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
              <TextField
                name="merchant.name"
                autoComplete="organization"
                label={t('fields.merchantName')}
                value={values.merchantName}
                onChange={(e) => set('merchantName', e.target.value)}
                error={fieldErrors['merchant.name']}
              />
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
          <Button className="button button-primary button-block" busy={busy} busyLabel={t('register.submitting')} data-testid="register-submit">
            {t('register.submit')}
          </Button>
        </form>
        <p className="auth-switch">
          {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
        </p>
      </div>
    </div>
  );
}
