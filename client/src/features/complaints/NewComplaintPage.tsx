// The filing wizard: five steps, each checked with the shared schema before moving on; one POST with
// an Idempotency-Key per wizard session (a double click or a retry files once), then the evidence.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { fieldErrorsFromDetails, type FieldErrors } from '../../components/form/fieldErrors';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { fileComplaint, uploadAttachment } from './api';
import { ConfirmStep } from './ConfirmStep';
import { ProblemStep, ProductStep, PurchaseStep } from './DetailSteps';
import { StorePicker } from './StorePicker';
import { useStoreFromAddress } from '../posters/useStoreFromAddress';
import { emptyDraft, STEPS, validate, type Draft } from './wizardState';
import './complaints.css';
import { Button } from '../../components/Button';

export interface FiledState {
  filedNumber: string;
  uploadFailed: boolean;
}

export function NewComplaintPage() {
  const { t } = useTranslation('complaints');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const current = STEPS[step]!;
  const last = step === STEPS.length - 1;

  const update = (patch: (d: Draft) => Draft) => setDraft(patch);
  // Arriving from a store's public page (its QR poster): the store is chosen already.
  useStoreFromAddress((store) => setDraft((d) => (d.store ? d : { ...d, store })));

  function next() {
    const { errors: found } = validate(draft, [current]);
    setErrors(found);
    if (Object.keys(found).length === 0) setStep((s) => s + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!last) return next();
    const { errors: found, body } = validate(draft, STEPS);
    setErrors(found);
    if (!body) {
      const firstBad = STEPS.findIndex((s) => Object.keys(validate(draft, [s]).errors).length > 0);
      if (firstBad >= 0) setStep(firstBad);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const complaint = await fileComplaint(body, idempotencyKey);
      const uploads = await Promise.allSettled(draft.files.map((f) => uploadAttachment(complaint.id, f)));
      const state: FiledState = { filedNumber: complaint.number, uploadFailed: uploads.some((u) => u.status === 'rejected') };
      navigate(`/complaints/${complaint.id}`, { state });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setErrors(fieldErrorsFromDetails(err.details));
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Page testId="page-complaints-new" title={t('wizard.title')} description={t('wizard.description')}>
      <ol className="stepper" aria-label={t('wizard.stepOf', { n: step + 1, total: STEPS.length })}>
        {STEPS.map((s, i) => (
          <li key={s} className={i === step ? 'is-current' : i < step ? 'is-done' : ''} aria-current={i === step ? 'step' : undefined}>
            <span className="stepper-n">{i + 1}</span>
            <span className="stepper-label">{t(`wizard.steps.${s}`)}</span>
          </li>
        ))}
      </ol>
      <form className="card wizard" onSubmit={(e) => void submit(e)} noValidate data-testid="complaint-wizard" data-step={current}>
        {error && <Alert tone="danger">{error}</Alert>}
        {current === 'store' && (
          <div className="wizard-step" data-testid="step-store">
            <StorePicker chosen={draft.store} error={errors.storeId} onChoose={(store) => update((d) => ({ ...d, store }))} />
          </div>
        )}
        {current === 'product' && <ProductStep draft={draft} errors={errors} update={update} />}
        {current === 'purchase' && <PurchaseStep draft={draft} errors={errors} update={update} />}
        {current === 'problem' && <ProblemStep draft={draft} errors={errors} update={update} />}
        {current === 'confirm' && <ConfirmStep draft={draft} update={update} />}
        <div className="wizard-nav">
          {step > 0 && (
            <button type="button" className="button" onClick={() => setStep((s) => s - 1)} disabled={busy} data-testid="wizard-back">
              {t('wizard.back')}
            </button>
          )}
          <span className="muted wizard-count">{t('wizard.stepOf', { n: step + 1, total: STEPS.length })}</span>
          {last ? (
            <Button type="submit" className="button button-primary" busy={busy} data-testid="wizard-submit">
              {busy ? t('wizard.submitting') : t('wizard.submit')}
            </Button>
          ) : (
            <button type="submit" className="button button-primary" data-testid="wizard-next">
              {t('wizard.next')}
            </button>
          )}
        </div>
      </form>
    </Page>
  );
}
