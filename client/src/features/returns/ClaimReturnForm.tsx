// A consumer claims a return recorded at a store's desk with the code on its receipt: it then shows
// in their list, and a breach of it becomes their complaint.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { claimReturn, type ReturnRequest } from './api';
import { ConsentCheckbox } from './ConsentCheckbox';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';

export function ClaimReturnForm({ onClaimed }: { onClaimed(r: ReturnRequest): void }) {
  const { t } = useTranslation('returns');
  const [code, setCode] = useState('');
  const [contactAgreement, setConsent] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function claim() {
    onClaimed(await claimReturn(code.trim(), contactAgreement));
    setCode('');
  }

  return (
    <form className="card" onSubmit={submit(claim)} data-testid="return-claim-form">
      <h2>{t('claim.title')}</h2>
      <p className="muted">{t('claim.hint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label={t('claim.code')}
        data-testid="return-claim-code-input"
        required
        maxLength={10}
        autoComplete="off"
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <ConsentCheckbox id="return-claim-consent" checked={contactAgreement} onChange={setConsent} />
      <div className="button-row">
        <Button className="button button-primary" type="submit" busy={busy} data-testid="return-claim-submit">
          {t('claim.submit')}
        </Button>
      </div>
    </form>
  );
}
