// The consumer disputes a refusal; a covered one is already a complaint, an uncovered one becomes one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../i18n/errors';
import { disputeReturn, type ReturnRequest } from './api';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';

export function DisputeAction({ request, onDone }: { request: ReturnRequest; onDone(r: ReturnRequest): void }) {
  const { t } = useTranslation('returns');
  const { busy, track } = useBusy();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const complaint = request.complaintId && (
    <Link to={`/complaints/${request.complaintId}`} data-testid="return-complaint-link">
      {t('mine.complaint')}
    </Link>
  );
  if (request.dispute) {
    return (
      <div>
        <p className="muted">{t('mine.disputed', { reason: request.dispute.reason })}</p>
        {complaint}
      </div>
    );
  }
  if (request.status !== 'refused') return complaint || null;
  if (!open) {
    return (
      <div className="button-row">
        <button className="button button-outline-danger" data-testid="return-dispute" onClick={() => setOpen(true)}>
          {t('mine.dispute')}
        </button>
        {complaint}
      </div>
    );
  }
  return (
    <form
      className="row-form"
      onSubmit={(e) => {
        e.preventDefault();
        void track('dispute', () => disputeReturn(request.id, reason.trim()).then(onDone, (err: unknown) => setError(describeError(err))));
      }}
    >
      <input
        aria-label={t('mine.disputeReason')}
        placeholder={t('mine.disputeReason')}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="return-dispute-reason"
      />
      <Button className="button button-danger" type="submit" busy={busy === 'dispute'} data-testid="return-dispute-submit">
        {t('mine.disputeSubmit')}
      </Button>
      {error && <p className="field-error">{error}</p>}
    </form>
  );
}
