import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { Decision, PendingMerchant } from './api';
import { Button } from '../../components/Button';

interface Props {
  applicant: PendingMerchant;
  busy: boolean;
  onDecide(decision: Decision, reason?: string): void;
}

export function ApprovalRow({ applicant, busy, onDecide }: Props) {
  const { t } = useTranslation('approvals');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { id } = applicant;
  return (
    <tr data-testid={`approval-${id}`}>
      <td>
        <div className="cell-strong">{applicant.name}</div>
        <div className="muted">{applicant.email}</div>
      </td>
      <td>{applicant.merchant.name}</td>
      <td className="mono">{applicant.merchant.creditCode}</td>
      <td>{formatDateTime(applicant.createdAt)}</td>
      <td>
        {rejecting ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              onDecide('reject', reason.trim() || undefined);
            }}
          >
            <input
              aria-label={t('rejectReason')}
              placeholder={t('rejectReason')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              data-testid={`reject-reason-${id}`}
            />
            <Button className="button button-danger" busy={busy} data-testid={`reject-confirm-${id}`}>
              {t('confirmReject')}
            </Button>
            <button type="button" className="button button-ghost" onClick={() => setRejecting(false)}>
              {t('actions.cancel')}
            </button>
          </form>
        ) : (
          <div className="button-row">
            <Button className="button button-primary" busy={busy} onClick={() => onDecide('approve')} data-testid={`approve-${id}`}>
              {t('approve')}
            </Button>
            <button
              className="button button-outline-danger"
              disabled={busy}
              onClick={() => setRejecting(true)}
              data-testid={`reject-${id}`}
            >
              {t('reject')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
