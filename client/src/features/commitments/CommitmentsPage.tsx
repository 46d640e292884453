import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CATEGORIES } from '../../../../shared/enums';
import type { Page as ListPage } from '../../../../shared/schemas/common';
import type { MerchantListing } from '../../../../shared/schemas/directory';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ChoiceField } from '../../components/form/ChoiceField';
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
        <ChoiceField
          label={t('filters.city')}
          value={city}
          onChange={(v) => {
            setCity(v);
            setCounty('');
          }}
          any={t('filters.all')}
          options={cities.map((c) => [c.code, en ? c.nameEn : c.name] as const)}
          testId="registry-city"
        />
        <ChoiceField
          label={t('filters.county')}
          value={county}
          disabled={!city}
          onChange={setCounty}
          any={t('filters.all')}
          options={counties.map((c) => [c.code, en ? c.nameEn : c.name] as const)}
        />
        <ChoiceField
          label={t('filters.category')}
          value={category}
          onChange={setCategory}
          any={t('filters.all')}
          options={CATEGORIES.map((c) => [c, t(`categories.${c}`)] as const)}
          testId="registry-category"
        />
        <ChoiceField
          label={t('filters.merchant')}
          value={merchantId}
          onChange={setMerchant}
          any={t('filters.all')}
          options={(merchants.data?.items ?? []).map((m) => [m.id, m.name] as const)}
        />
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
