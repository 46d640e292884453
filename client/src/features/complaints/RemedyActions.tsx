// A promised remedy's two moves: the merchant records its fulfilment with proof (uploaded as evidence
// of the complaint first), the consumer confirms it or disputes it (a dispute goes to the bureau).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/TextField';
import { describeError } from '../../i18n/errors';
import { uploadAttachment, type Complaint } from './api';
import { YesOrNoWithReason, type Question } from './ConsumerActions';
import { EVIDENCE_ACCEPT, evidenceProblem } from './evidence';
import { yuanToFen } from './money';
import { useAction, type Act } from './useAction';

export function RecordFulfilmentForm({ complaint: c, act }: { complaint: Complaint; act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [amount, setAmount] = useState(c.remedy?.amountFen !== undefined ? String(c.remedy.amountFen / 100) : '');
  const [day, setDay] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fen = yuanToFen(amount);
    if (fen === null) return setProblem(t('wizard.amountInvalid'));
    if (!file) return setProblem(t('remedy.proofMissing'));
    const bad = evidenceProblem(file);
    if (bad) return setProblem(bad);
    setProblem(null);
    setUploading(true);
    try {
      const proof = await uploadAttachment(c.id, file);
      await run({
        action: 'record_fulfilment',
        amountFen: fen,
        fulfilledOn: day,
        attachmentId: proof.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setUploading(false);
    }
  }

  return (
    <form className="card action-card action-highlight" onSubmit={(e) => void submit(e)} data-testid="fulfilment-form">
      <h2>{t('remedy.recordTitle')}</h2>
      <p className="muted">{t('remedy.recordHint')}</p>
      {(problem || error) && <Alert tone="danger">{problem ?? error}</Alert>}
      <div className="form-row">
        <TextField
          label={t('respond.amount')}
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="fulfil-amount"
        />
        <TextField
          label={t('remedy.fulfilledOn')}
          type="date"
          required
          value={day}
          onChange={(e) => setDay(e.target.value)}
          data-testid="fulfil-day"
        />
      </div>
      <div className="field">
        <label htmlFor="fulfil-proof">{t('remedy.proof')}</label>
        <input
          id="fulfil-proof"
          type="file"
          accept={EVIDENCE_ACCEPT}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="fulfil-proof"
        />
        <p className="field-hint">{t('remedy.proofHint')}</p>
      </div>
      <TextField label={t('remedy.note')} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="button-row">
        <Button className="button button-primary" busy={busy || uploading} disabled={!day || !amount.trim()} data-testid="fulfil-submit">
          {t('remedy.record')}
        </Button>
      </div>
    </form>
  );
}

export function ConfirmRemedy({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const q: Question = {
    testId: 'confirm-remedy',
    title: t('remedy.confirmTitle'),
    hint: t('remedy.confirmHint'),
    yes: { label: t('remedy.confirm'), input: { action: 'confirm_remedy' }, testId: 'confirm-remedy-submit' },
    no: {
      label: t('remedy.dispute'),
      reasonLabel: t('remedy.disputeReason'),
      submit: t('remedy.disputeSubmit'),
      action: 'dispute_remedy',
      testId: 'dispute-remedy',
    },
  };
  return <YesOrNoWithReason act={act} q={q} />;
}
