// A promised remedy's course: what and by when, the recorded fulfilment with its proof, the verdict.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { attachmentUrl, type Complaint } from './api';

export function RemedyPanel({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation('complaints');
  const r = c.remedy;
  if (!r) return null;
  const tone =
    r.status === 'confirmed' ? 'badge-success' : r.status === 'disputed' || r.status === 'overdue' ? 'badge-danger' : 'badge-warning';
  return (
    <section className="card" data-testid="remedy-panel" data-remedy-status={r.status}>
      <h2>
        {t('remedy.title')} <span className={`badge ${tone}`}>{t(`remedy.status.${r.status}`)}</span>
      </h2>
      <p>
        <strong>{t(`remedyTypes.${r.type}`)}</strong>
        {r.amountFen !== undefined && <strong> {formatMoney(r.amountFen)}</strong>}
        <span className="muted"> · {t('remedy.dueAt', { at: formatDateTime(r.dueAt) })}</span>
      </p>
      {r.fulfilment && (
        <p data-testid="remedy-fulfilment">
          {t('remedy.recorded', { amount: formatMoney(r.fulfilment.amountFen), day: r.fulfilment.fulfilledOn })}{' '}
          <a href={attachmentUrl(r.fulfilment.attachmentId)} target="_blank" rel="noreferrer">
            {t('remedy.viewProof')}
          </a>
          {r.fulfilment.note && <span className="muted"> · {r.fulfilment.note}</span>}
        </p>
      )}
      {r.remindedAt && <p className="muted">{t('remedy.reminded', { at: formatDateTime(r.remindedAt) })}</p>}
      {r.disputeReason && <p className="prewrap">{t('remedy.disputedBecause', { reason: r.disputeReason })}</p>}
    </section>
  );
}
