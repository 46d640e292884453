// A consumer claims a return recorded at a store's desk with the code on its receipt: it then shows
// in their list, and a breach of it becomes their complaint.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { claimReturn, type ReturnRequest } from './api';
import { ConsentCheckbox } from './ConsentCheckbox';
import { Button } from '../../components/Button';

export function ClaimReturnForm({ onClaimed }: { onClaimed(r: ReturnRequest): void }) {
  const { t } = useTranslation('returns');
  const [code, setCode] = useState('');
  const [contactAgreement, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onClaimed(await claimReturn(code.trim(), contactAgreement));
      setCode('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="return-claim-form">
      <h2>{t('claim.title')}</h2>
      <p className="muted">{t('claim.hint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="field">
        <label htmlFor="return-claim-code">{t('claim.code')}</label>
        <input
          id="return-claim-code"
          data-testid="return-claim-code-input"
          required
          maxLength={10}
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <ConsentCheckbox id="return-claim-consent" checked={contactAgreement} onChange={setConsent} />
      <div className="button-row">
        <Button className="button button-primary" type="submit" busy={busy} data-testid="return-claim-submit">
          {t('claim.submit')}
        </Button>
      </div>
    </form>
  );
}
