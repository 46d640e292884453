// One merchant on the review list: why, its figures per store, the evidence, and the suspend action.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../i18n/errors';
import { percent } from './api';
import { transitionCommitment, type EvidenceRow, type ReviewEntry } from './complianceApi';
import { FiguresTable } from './FiguresTable';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';
import { CreditFigures } from '../products/CreditFigures';

function Evidence({ rows, title }: { rows: EvidenceRow[]; title: string }) {
  const { t } = useTranslation('returns');
  if (rows.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="reason-list">
        {rows.map((r) => (
          <li key={r.id}>
            {r.day} · {r.storeName} · {r.breachKind ? t(`breach.${r.breachKind}`) : t(`status.${r.status}`)}
            {r.refusalReason ? ` · ${r.refusalReason}` : ''}
            {r.complaintId && (
              <>
                {' · '}
                <Link to={`/complaints/${r.complaintId}`}>{t('mine.complaint')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReviewCard({ entry, onChanged }: { entry: ReviewEntry; onChanged(message: string): void }) {
  const { t } = useTranslation('returns');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const { busy, track } = useBusy();
  const act = (id: string, action: 'suspend' | 'reinstate') =>
    track(id, async () => {
      setError(null);
      try {
        await transitionCommitment(id, action, reason.trim());
        setReason('');
        onChanged(t(action === 'suspend' ? 'compliance.suspended' : 'compliance.reinstated'));
      } catch (e) {
        setError(describeError(e));
      }
    });

  return (
    <article className="card" data-testid={`review-${entry.merchantId}`}>
      <div className="commitment-head">
        <h3>
          <Link to={`/merchants/${entry.merchantId}`}>{entry.merchantName}</Link>
        </h3>
        <span className="badge-stack">
          {entry.reasons.map((r) => (
            <span key={r} className="badge badge-danger">
              {t(`compliance.reasons.${r}`)}
            </span>
          ))}
        </span>
      </div>
      <div className="facts">
        <span>
          {t('columns.requests')}: {entry.requests}
        </span>
        <span>
          {t('columns.honorRate')}: {percent(entry.honorRate)}
        </span>
        <span>
          {t('columns.breaches')}: {entry.breaches}
        </span>
      </div>
      {entry.credit && (
        <div className="review-credit" data-testid="review-credit">
          <p>{t('compliance.creditD', { tier: entry.credit.tier })}</p>
          <CreditFigures figures={entry.credit.figures} testId="review-credit-figures" />
        </div>
      )}
      <FiguresTable
        testId="review-stores"
        label={t('columns.store')}
        rows={entry.stores.map((s) => ({ ...s, key: s.storeId, name: s.flagged ? `⚠ ${s.storeName}` : s.storeName }))}
      />
      <details>
        <summary>{t('compliance.evidence')}</summary>
        <Evidence rows={entry.evidence.breaches} title={t('compliance.breachEvidence')} />
        <Evidence rows={entry.evidence.refusals} title={t('compliance.refusalEvidence')} />
      </details>
      <div className="row-form">
        <input
          aria-label={t('compliance.suspendReason')}
          placeholder={t('compliance.suspendReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {entry.commitments.map((c) => (
          <Button
            key={c.id}
            className={`button ${c.status === 'active' ? 'button-danger' : 'button-primary'}`}
            busy={busy === c.id}
            disabled={!reason.trim() || busy !== null}
            onClick={() => void act(c.id, c.status === 'active' ? 'suspend' : 'reinstate')}
          >
            {t(c.status === 'active' ? 'compliance.suspend' : 'compliance.reinstate')} · {t(`scope.${c.scope}`)}
          </Button>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </article>
  );
}
