// The merchant's answer, the consumer's reply to it, the closing outcome and the rating.
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../i18n/format';
import type { Complaint } from './api';

export function ResponsePanel({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation('complaints');
  const r = c.response;
  const o = c.outcome;
  if (!r && !o && !c.rating) return null;
  return (
    <section className="card response-panel" data-testid="response-panel">
      {r && (
        <div data-testid="merchant-response" data-response-type={r.responseType}>
          <h2>
            {t('detail.response')}{' '}
            <span className={`badge ${r.responseType === 'accepted' ? 'badge-success' : 'badge-warning'}`}>
              {t(`responseTypes.${r.responseType}`)}
            </span>
          </h2>
          <p className="muted">{formatDateTime(r.at)}</p>
          {r.remedy && (
            <p>
              {t('detail.remedy')}: <strong>{t(`remedyTypes.${r.remedy.type}`)}</strong>
              {r.remedy.amountFen !== undefined && <strong> {formatMoney(r.remedy.amountFen)}</strong>}
            </p>
          )}
          <blockquote className="quote prewrap">{r.messageToConsumer}</blockquote>
          {r.noteToRegulator && (
            <p className="note prewrap" data-testid="note-to-regulator">
              <span className="muted">{t('detail.toRegulator')}: </span>
              {r.noteToRegulator}
            </p>
          )}
          {r.consumerReply && (
            <p className={r.consumerReply.accepted ? 'text-success' : 'text-danger'} data-testid="consumer-reply">
              {r.consumerReply.accepted
                ? t(r.consumerReply.auto ? 'detail.consumerAutoAccepted' : 'detail.consumerAccepted')
                : t('detail.consumerRejected', { reason: r.consumerReply.reason ?? '' })}
            </p>
          )}
        </div>
      )}
      {o && (
        <div className="outcome" data-testid="outcome">
          <h2>{t('detail.outcome')}</h2>
          <p>
            <strong>{t(`status.${o.kind}`)}</strong> · <span className="muted">{formatDateTime(o.at)}</span>
          </p>
          {o.reasonCode && <p>{t(`declineReasons.${o.reasonCode}`)}</p>}
          {o.note && <p className="prewrap">{o.note}</p>}
          {o.agreement && <p className="prewrap">{o.agreement}</p>}
          {o.reason && <p className="prewrap">{o.reason}</p>}
        </div>
      )}
      {c.rating && (
        <div data-testid="rating">
          <h2>{t('detail.rating')}</h2>
          <p>
            <span className="stars" aria-label={t('consumer.stars', { count: c.rating.satisfaction })}>
              {'★'.repeat(c.rating.satisfaction)}
              <span className="stars-off">{'★'.repeat(5 - c.rating.satisfaction)}</span>
            </span>
            {c.rating.promiseKept !== undefined && (
              <span> · {t(c.rating.promiseKept ? 'detail.promiseKept' : 'detail.promiseBroken')}</span>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
