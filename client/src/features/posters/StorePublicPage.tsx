// A store's public page, where its QR poster leads: its commitments, its figures and the buttons that
// start a complaint or a return with the store chosen. Signed out, those forms send the visitor to
// sign in or register first and back to the form (the guard keeps the address, `?storeId=` included).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { useSession } from '../auth/session';
import { CommitmentBadge } from '../commitments/CommitmentCard';
import { RegionName } from '../complaints/regions';
import { usePanel } from '../dashboard/usePanel';
import { Loaded } from '../products/parts';
import { percent } from '../returns/api';
import { getPublicStore, type PublicStore } from './api';
import './posters.css';

export function StorePublicPage() {
  const { t } = useTranslation('posters');
  const { id = '' } = useParams();
  const store = usePanel((s) => getPublicStore(id, s), id, 0);
  return (
    <Page testId="page-public-store" title={store.data?.name ?? t('page.title')} description={store.data?.merchantName}>
      <Loaded panel={store}>{(s) => <StoreDetails s={s} />}</Loaded>
    </Page>
  );
}

function StoreDetails({ s }: { s: PublicStore }) {
  const { t } = useTranslation('posters');
  const { user } = useSession();
  const figures: [string, string][] = [
    [t('page.complaints'), String(s.figures.complaints90d)],
    [t('page.returns'), String(s.figures.returns90d)],
    [t('page.honorRate'), percent(s.figures.honorRate)],
    [t('page.breaches'), String(s.figures.breaches90d)],
  ];
  return (
    <div className="poster-page" data-testid="public-store" data-badge={s.commitmentBadge}>
      <section className="card">
        <p className="muted">
          <RegionName code={s.cityCode} /> · <RegionName code={s.countyCode} /> · {s.address}
        </p>
        <p>
          {t('page.merchant')}: <Link to={`/merchants/${s.merchantId}`}>{s.merchantName}</Link> · {t('page.creditTier')}:{' '}
          <strong data-testid="public-store-tier">{s.creditTier ?? '—'}</strong>
        </p>
        {s.commitmentBadge && <CommitmentBadge />}
        {s.status === 'closed' ? (
          <p className="alert alert-warning">{t('page.closed')}</p>
        ) : (
          <>
            <div className="button-row">
              <Link className="button button-primary" to={`/complaints/new?storeId=${s.id}`} data-testid="public-store-complain">
                {t('page.complain')}
              </Link>
              <Link className="button" to={`/returns?storeId=${s.id}`} data-testid="public-store-return">
                {t('page.returnHere')}
              </Link>
            </div>
            {!user && <p className="muted">{t('page.signInFirst')}</p>}
          </>
        )}
      </section>
      <section className="card" data-testid="public-store-commitments">
        <h2>{t('page.commitments')}</h2>
        {s.commitments.length === 0 ? (
          <p className="muted">{t('page.noCommitment')}</p>
        ) : (
          <ul>
            {s.commitments.map((c) => (
              <li key={c.id}>
                <strong>{t('page.commitment', { days: c.windowDays, hours: c.refundWithinHours })}</strong> · {t(`page.scope.${c.scope}`)}
                <div className="muted">{t('page.conditions', { text: c.conditions })}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('page.figures')}</h2>
        <dl className="poster-figures" data-testid="public-store-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <Link to={`/merchants/${s.merchantId}`}>{t('page.merchantPage')}</Link>
      </section>
    </div>
  );
}
