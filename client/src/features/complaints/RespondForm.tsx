// The merchant's answer: accept (with a remedy), reject, or "not our business"; one text for the
// consumer and an optional note only the bureau reads.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FULFILLED_REMEDIES } from '../../../../shared/complaintMachine';
import { REMEDY_TYPES, RESPONSE_TYPES } from '../../../../shared/schemas/complaint';
import { Alert } from '../../components/Alert';
import { TemplatedTextarea } from '../templates/TemplatePicker';
import { yuanToFen } from './money';
import { useAction, type Act } from './useAction';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/form/TextAreaField';

type ResponseType = (typeof RESPONSE_TYPES)[number];
type RemedyType = (typeof REMEDY_TYPES)[number];

export function RespondForm({ complaintId, act }: { complaintId: string; act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [type, setType] = useState<ResponseType>('accepted');
  const [remedy, setRemedy] = useState<RemedyType>('refund');
  const [amount, setAmount] = useState('');
  const [promisedBy, setPromisedBy] = useState('');
  const fulfilled = (FULFILLED_REMEDIES as readonly string[]).includes(remedy);
  const [toConsumer, setToConsumer] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    const fen = amount.trim() ? yuanToFen(amount) : undefined;
    if (fen === null) return setAmountError(true);
    setAmountError(false);
    void run({
      action: 'respond',
      responseType: type,
      ...(type === 'accepted'
        ? { remedy: { type: remedy, ...(fen !== undefined ? { amountFen: fen } : {}), ...(fulfilled && promisedBy ? { promisedBy } : {}) } }
        : {}),
      messageToConsumer: toConsumer.trim(),
      ...(note.trim() ? { noteToRegulator: note.trim() } : {}),
    });
  }

  return (
    <form className="card action-card" onSubmit={submit} data-testid="respond-form">
      <h2>{t('respond.title')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <fieldset className="choice-row">
        <legend>{t('respond.type')}</legend>
        {RESPONSE_TYPES.map((r) => (
          <label key={r} className="choice">
            <input
              type="radio"
              name="responseType"
              value={r}
              checked={type === r}
              onChange={() => setType(r)}
              data-testid={`respond-type-${r}`}
            />
            {t(`responseTypes.${r}`)}
          </label>
        ))}
      </fieldset>
      {type === 'accepted' && (
        <div className="form-row">
          <div className="field">
            <label htmlFor="respond-remedy">{t('respond.remedy')}</label>
            <select
              id="respond-remedy"
              value={remedy}
              onChange={(e) => setRemedy(e.target.value as RemedyType)}
              data-testid="respond-remedy"
            >
              {REMEDY_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`remedyTypes.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${amountError ? ' has-error' : ''}`}>
            <label htmlFor="respond-amount">{t('respond.amount')}</label>
            <input
              id="respond-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="respond-amount"
            />
            {amountError && <p className="field-error">{t('wizard.amountInvalid')}</p>}
          </div>
          {fulfilled && (
            <div className="field">
              <label htmlFor="respond-promised-by">{t('respond.promisedBy')}</label>
              <input
                id="respond-promised-by"
                type="date"
                value={promisedBy}
                onChange={(e) => setPromisedBy(e.target.value)}
                data-testid="respond-promised-by"
              />
              <p className="field-hint">{t('respond.promisedByHint')}</p>
            </div>
          )}
        </div>
      )}
      <TemplatedTextarea
        complaintId={complaintId}
        id="respond-to-consumer"
        label={t('respond.toConsumer')}
        value={toConsumer}
        onChange={setToConsumer}
        maxLength={5000}
        rows={4}
        required
        hint={t('respond.toConsumerHint')}
        testId="respond-message"
        pickerId="respond"
      />
      <TextAreaField
        label={t('respond.toRegulator')}
        hint={t('respond.toRegulatorHint')}
        rows={2}
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="respond-note"
      />
      <div className="button-row">
        <Button className="button button-primary" busy={busy} disabled={!toConsumer.trim()} data-testid="respond-submit">
          {t('respond.submit')}
        </Button>
      </div>
    </form>
  );
}
