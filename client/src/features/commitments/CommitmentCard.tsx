// One commitment as the public reads it: who, where, how long, what, and how well it is kept.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { percent } from '../returns/api';
import { useRegionName } from '../returns/useRegionNames';
import type { Commitment } from './api';
import { Link } from 'react-router-dom';

export function CommitmentBadge() {
  const { t } = useTranslation('commitments');
  return (
    <span className="commitment-badge" data-testid="commitment-badge" title={t('badgeHint')}>
      ✓ {t('badge')}
    </span>
  );
}

export function CommitmentCard({ c, children }: { c: Commitment; children?: ReactNode }) {
  const { t } = useTranslation(['commitments', 'returns']);
  const region = useRegionName();
  const cat = (x: string) => t(`categories.${x}`);
  return (
    <article className="card" data-testid={`commitment-${c.id}`}>
      <div className="commitment-head">
        {/* The registry leads to the merchant's public profile: its figures and credit tier behind the badge. */}
        <h3>
          <Link to={`/merchants/${c.merchantId}`} data-testid="commitment-merchant">
            {c.merchantName}
          </Link>
        </h3>
        {c.status === 'active' ? <CommitmentBadge /> : <span className="badge badge-warning">{t(`status.${c.status}`)}</span>}
      </div>
      <div className="facts">
        <span className="badge">{t(`returns:scope.${c.scope}`)}</span>
        <span>{t('window', { days: c.windowDays })}</span>
        <span>{t('refund', { hours: c.refundWithinHours })}</span>
        <span data-testid="commitment-honor-rate">{t('honorRate', { rate: percent(c.honorRate) })}</span>
      </div>
      <p>
        <strong>{t('covers')}</strong> {c.categories.length ? c.categories.map(cat).join('、') : t('allCategories')}
        {c.excludedCategories.length > 0 && (
          <>
            {' · '}
            <strong>{t('excludes')}</strong> {c.excludedCategories.map(cat).join('、')}
          </>
        )}
      </p>
      <p className="muted">
        {t('legal')} {c.legalExclusions.map(cat).join('、')}
      </p>
      <p>
        <strong>{t('conditions')}</strong> {c.conditions}
      </p>
      <details>
        <summary>{t('storesCount', { count: c.stores.length })}</summary>
        <ul className="reason-list">
          {c.stores.map((s) => (
            <li key={s.id}>
              {s.name} · {region(s.cityCode)} · {s.address}
              {s.acceptsOtherStores && <span className="badge badge-success">{t('acceptsOther')}</span>}
            </li>
          ))}
        </ul>
      </details>
      {c.history && (
        <ul className="reason-list">
          {c.history.map((h) => (
            <li key={h.seq}>
              {formatDateTime(h.at)} · {t(`history.${h.action}`)}
              {h.reason ? ` · ${h.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
