import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { usePanel } from '../dashboard/usePanel';
import { useRegions } from '../dashboard/regions';
import { getMerchant, type Merchant } from './api';
import { Loaded } from './parts';
import './enforcement.css';

/** Figures shown, in this order; rates are fractions. Others the server adds are left out. */
const FIGURES = [
  'creditScore',
  'complaints180d',
  'complaintsPerStore',
  'timelyResponseRate180d',
  'resolutionRate180d',
  'returnRequests',
  'returnHonorRate',
  'returnMedianRefundHours',
  'returnBreaches',
  'enforcementCases',
] as const;
const RATES = new Set(['timelyResponseRate180d', 'resolutionRate180d', 'returnHonorRate']);

/** A merchant's public profile: credit tier A–D and the figures behind it. */
export function MerchantPage() {
  const { t } = useTranslation('enforcement');
  const { id = '' } = useParams();
  const m = usePanel((s) => getMerchant(id, s), id, 0);
  return (
    <Page testId="page-merchant" title={m.data?.name ?? t('merchant.title')} description={t('merchant.title')}>
      <Loaded panel={m}>{(data) => <Profile m={data} />}</Loaded>
    </Page>
  );
}

function Profile({ m }: { m: Merchant }) {
  const { t } = useTranslation('enforcement');
  const regions = useRegions();
  const value = (k: string) => {
    const v = m.figures[k];
    if (v === null || v === undefined) return '—';
    return RATES.has(k) ? `${(v * 100).toFixed(1)}%` : String(Math.round(v * 10) / 10);
  };
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
      <section className="card">
        <h2>{t('merchant.figures')}</h2>
        <p className="muted">{t('merchant.tierHint')}</p>
        <dl className="enf-figures">
          {FIGURES.filter((k) => k in m.figures).map((k) => (
            <div key={k}>
              <dt>{t(`merchant.labels.${k}`)}</dt>
              <dd>{value(k)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {m.stores && m.stores.length > 0 && (
        <section className="card">
          <h2>{t('merchant.stores')}</h2>
          <ul className="enf-stores">
            {m.stores.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <span className="muted">· {regions.name(s.countyCode)} · {s.address}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
