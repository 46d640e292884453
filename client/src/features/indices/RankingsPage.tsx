// Public rankings per city and category, signed out (docs/indices.md). The choice lives in the
// address, so a ranking can be shared.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CATEGORIES } from '../../../../shared/enums';
import { EmptyState } from '../../components/EmptyState';
import { ChoiceField } from '../../components/form/ChoiceField';
import { Page } from '../../components/Page';
import { useRegions } from '../complaints/regions';
import { usePanel } from '../dashboard/usePanel';
import { Loaded } from '../products/parts';
import { getRanking } from './api';
import '../disclosure/disclosure.css';

export function RankingsPage() {
  const { t } = useTranslation('indices');
  const [params, setParams] = useSearchParams();
  const cityCode = params.get('cityCode') ?? '3301';
  const category = params.get('category') ?? 'toy';
  const panel = usePanel((s) => getRanking(cityCode, category, s), `${cityCode}|${category}`, 0);
  const cities = useRegions('33');
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const min = panel.data?.minComplaints ?? 5;
  const value = { cityCode, category };
  const choice = (k: 'cityCode' | 'category', label: string, options: [string, string][]) => (
    <ChoiceField label={label} value={value[k]} onChange={(v) => set(k, v)} options={options} testId={`ranking-${k}`} />
  );
  return (
    <Page testId="page-rankings" title={t('title')} description={t('description', { min })}>
      <div className="disclosure-filters card">
        {choice(
          'cityCode',
          t('city'),
          cities.map((c) => [c.code, c.name]),
        )}
        {choice(
          'category',
          t('category'),
          CATEGORIES.map((c) => [c, t(`categories.${c}`)]),
        )}
      </div>
      <Loaded panel={panel}>
        {(r) => (
          <>
            <p className="muted" data-testid="ranking-count">
              {t('count', { count: r.items.length, from: r.fromMonth })}
            </p>
            {r.items.length === 0 ? (
              <EmptyState title={t('emptyTitle')} hint={t('emptyHint', { min: r.minComplaints })} />
            ) : (
              <div className="table-card">
                <table className="table" data-testid="ranking-table">
                  <thead>
                    <tr>
                      <th>{t('rank')}</th>
                      <th>{t('merchant')}</th>
                      <th>{t('complaints')}</th>
                      <th>{t('stores')}</th>
                      <th>{t('perStore')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.items.map((x) => (
                      <tr key={x.merchantId} data-merchant={x.merchantId}>
                        <td>{x.rank}</td>
                        <td>
                          <Link to={`/merchants/${x.merchantId}`}>{x.name}</Link>
                        </td>
                        <td className="num">{x.complaints}</td>
                        <td className="num">{x.stores}</td>
                        <td className="num">{x.perStore}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {r.belowMinimum > 0 && (
              <p className="muted" data-testid="ranking-below">
                {t('below', { count: r.belowMinimum, min: r.minComplaints })}
              </p>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
