import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CATEGORIES } from '../../../../shared/enums';
import type { Page as ListPage } from '../../../../shared/schemas/common';
import type { MerchantListing } from '../../../../shared/schemas/directory';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { currentLocale } from '../../i18n/locale';
import { useLoad } from '../returns/useLoad';
import { useCities, useCounties } from '../returns/useRegionNames';
import { listCommitments } from './api';
import { CommitmentCard } from './CommitmentCard';
import '../returns/returns.css';

/** The public registry: anyone, signed in or not, finds the stores that take returns and on what terms. */
export function CommitmentsPage() {
  const { t } = useTranslation(['commitments', 'returns']);
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const [category, setCategory] = useState('');
  // A merchant's profile links here with its id, to show that merchant's commitments.
  const [params] = useSearchParams();
  const [merchantId, setMerchant] = useState(() => params.get('merchantId') ?? '');
  const [crossStore, setCrossStore] = useState(false);
  const cities = useCities();
  const counties = useCounties(city);
  const en = currentLocale() === 'en';
  const merchants = useLoad((signal) => api.get<ListPage<MerchantListing>>('/merchants', { query: { limit: 100 }, signal }), []);
  const list = useLoad(
    (signal) =>
      listCommitments(
        {
          region: county || city || undefined,
          category: category || undefined,
          merchantId: merchantId || undefined,
          crossStore: crossStore ? 'true' : undefined,
        },
        signal,
      ),
    [city, county, category, merchantId, crossStore],
  );

  return (
    <Page testId="page-commitments" title={t('registry.title')} description={t('registry.description')}>
      <div className="card form-grid" data-testid="registry-filters">
        <div className="field">
          <label htmlFor="registry-city">{t('filters.city')}</label>
          <select
            id="registry-city"
            data-testid="registry-city"
            value={city}
            onChange={(e) => {
              setCity(e.target.value);
              setCounty('');
            }}
          >
            <option value="">{t('filters.all')}</option>
            {cities.map((c) => (
              <option key={c.code} value={c.code}>
                {en ? c.nameEn : c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="registry-county">{t('filters.county')}</label>
          <select id="registry-county" value={county} disabled={!city} onChange={(e) => setCounty(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {en ? c.nameEn : c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="registry-category">{t('filters.category')}</label>
          <select id="registry-category" data-testid="registry-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="registry-merchant">{t('filters.merchant')}</label>
          <select id="registry-merchant" value={merchantId} onChange={(e) => setMerchant(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {merchants.data?.items.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="registry-cross-store"
            checked={crossStore}
            onChange={(e) => setCrossStore(e.target.checked)}
          />
          {t('filters.crossStore')}
        </label>
      </div>
      {list.error ? (
        <Alert tone="danger">{t('returns:loadFailed', { message: list.error })}</Alert>
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('registry.emptyTitle')} hint={t('registry.emptyHint')} />
      ) : (
        <>
          {list.data.total !== null && <ResultCount count={list.data.total} />}
          <div className="commitment-list" data-testid="registry-list">
            {list.data.items.map((c) => (
              <CommitmentCard key={c.id} c={c} />
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
