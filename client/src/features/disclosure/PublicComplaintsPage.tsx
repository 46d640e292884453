// The searchable public list of published complaints (投诉公示), readable signed out. The filters live in
// the address, so a filtered list can be shared and the merchant page links to its own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CATEGORIES, PROBLEM_TYPES } from '../../../../shared/enums';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ChoiceField } from '../../components/form/ChoiceField';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { useSubmit } from '../../components/useSubmit';
import { useRegions } from '../complaints/regions';
import { usePanel } from '../dashboard/usePanel';
import { Loaded } from '../products/parts';
import { listPublicComplaints, type PublicComplaint, type PublicFilters } from './api';
import { PublicComplaintList } from './PublicComplaintList';

const FILTERS = ['merchantId', 'cityCode', 'category', 'problemType'] as const;

export function PublicComplaintsPage() {
  const { t } = useTranslation('disclosure');
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as PublicFilters;
  const key = JSON.stringify(filters);
  const first = usePanel((s) => listPublicComplaints(filters, s), key, 0);
  // Further pages for this filter; a new filter starts again from the first page.
  const [more, setMore] = useState<{ key: string; items: PublicComplaint[]; nextCursor: string | null } | null>(null);
  const { busy, error, run } = useSubmit();
  const extra = more?.key === key ? more : null;
  const cities = useRegions('33');

  const set = (k: (typeof FILTERS)[number], v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const loadMore = (cursor: string) =>
    run(async () => {
      const p = await listPublicComplaints({ ...filters, cursor });
      setMore({ key, items: [...(extra?.items ?? []), ...p.items], nextCursor: p.nextCursor });
    });
  const select = (k: 'cityCode' | 'category' | 'problemType', label: string, any: string, options: [string, string][]) => (
    <ChoiceField
      label={label}
      any={any}
      value={filters[k] ?? ''}
      onChange={(v) => set(k, v)}
      options={options}
      testId={`public-filter-${k}`}
    />
  );

  return (
    <Page testId="page-public-complaints" title={t('list.title')} description={t('list.description')}>
      <div className="disclosure-filters card">
        {select(
          'cityCode',
          t('list.city'),
          t('list.anyCity'),
          cities.map((c) => [c.code, c.name]),
        )}
        {select(
          'category',
          t('list.category'),
          t('list.anyCategory'),
          CATEGORIES.map((c) => [c, t(`categories.${c}`)]),
        )}
        {select(
          'problemType',
          t('list.problemType'),
          t('list.anyProblem'),
          PROBLEM_TYPES.map((p) => [p, t(`complaints:problemTypes.${p}`)]),
        )}
        {filters.merchantId && (
          <button type="button" className="button button-ghost" onClick={() => set('merchantId', '')} data-testid="public-clear-merchant">
            {t('list.clearMerchant')}
          </button>
        )}
      </div>
      <Loaded panel={first}>
        {(page) => {
          const items = [...page.items, ...(extra?.items ?? [])];
          const cursor = extra ? extra.nextCursor : page.nextCursor;
          return (
            <>
              <ResultCount count={page.total} />
              {items.length === 0 ? (
                <EmptyState title={t('list.emptyTitle')} hint={t('list.emptyHint')} />
              ) : (
                <PublicComplaintList items={items} />
              )}
              {error && <p className="alert alert-danger">{error}</p>}
              {cursor && (
                <div className="button-row">
                  <Button type="button" className="button" busy={busy} onClick={() => void loadMore(cursor)} data-testid="load-more">
                    {t('list.loadMore')}
                  </Button>
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
