import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { usePanel } from '../dashboard/usePanel';
import { useRegions } from '../dashboard/regions';
import { getMerchant, type Merchant } from './api';
import { CreditFigures } from './CreditFigures';
import { HonestIndices } from './HonestIndices';
import { MerchantDisclosures } from '../disclosure/PublicComplaintList';
import { Loaded } from './parts';
import './products.css';

/** A merchant's public profile: credit tier A–D and the figures behind it. */
export function MerchantPage() {
  const { t } = useTranslation('products');
  const { id = '' } = useParams();
  const m = usePanel((s) => getMerchant(id, s), id, 0);
  return (
    <Page testId="page-merchant" title={m.data?.name ?? t('merchant.title')} description={t('merchant.title')}>
      <Loaded panel={m}>{(data) => <Profile m={data} />}</Loaded>
    </Page>
  );
}

function Profile({ m }: { m: Merchant }) {
  const { t } = useTranslation('products');
  const regions = useRegions();
  return (
    <div className="enf-stack" data-testid="merchant-profile">
      <section className="card enf-head">
        <div>
          <div className="muted">
            {t('merchant.creditCode')}: <span className="mono">{m.creditCode}</span>
          </div>
          <div className="enf-meta">
            {m.isChain && <span className="badge">{t('merchant.chain')}</span>}
            {m.figures.commitmentBadge ? <span className="badge badge-success">{t('merchant.badge')}</span> : null}
            {m.countyCode && <span className="muted">{regions.name(m.countyCode)}</span>}
          </div>
        </div>
        <div className={`enf-tier enf-tier-${m.creditTier ?? 'none'}`} data-testid="credit-tier" title={t('merchant.tierHint')}>
          <span>{t('merchant.creditTier')}</span>
          <strong>{m.creditTier ?? '—'}</strong>
        </div>
      </section>
      <Explained m={m} />
      <section className="card">
        <h2>{t('merchant.figures')}</h2>
        <p className="muted">{t('merchant.tierHint')}</p>
        <CreditFigures figures={m.figures} />
      </section>
      <HonestIndices figures={m.figures} />
      <MerchantDisclosures merchantId={m.id} />
      {m.stores && m.stores.length > 0 && (
        <section className="card">
          <h2>{t('merchant.stores')}</h2>
          <ul className="enf-stores">
            {m.stores.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>{' '}
                <span className="muted">
                  · {regions.name(s.countyCode)} · {s.address}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** What the badge and the tier mean, and what a badge beside a D means: both are read by consumers. */
function Explained({ m }: { m: Merchant }) {
  const { t } = useTranslation('products');
  const badge = !!m.figures.commitmentBadge;
  return (
    <section className="card" data-testid="merchant-explained">
      <h2>{t('merchant.explained')}</h2>
      <dl className="enf-explained">
        <dt>{t('merchant.badge')}</dt>
        <dd data-testid="badge-explained">
          {t(badge ? 'merchant.badgeYes' : 'merchant.badgeNo')}{' '}
          <Link to={`/commitments?merchantId=${m.id}`}>{t('merchant.registryLink')}</Link>
        </dd>
        <dt>{t('merchant.creditTier')}</dt>
        <dd data-testid="tier-explained">
          {m.creditTier ? t(`merchant.tiers.${m.creditTier}`) : t('merchant.tiers.none')} {t('merchant.tierScale')}
        </dd>
      </dl>
      {m.creditTier === 'D' && badge && (
        <p className="alert alert-warning" data-testid="tier-d-review">
          {t('merchant.underReview')}
        </p>
      )}
    </section>
  );
}
