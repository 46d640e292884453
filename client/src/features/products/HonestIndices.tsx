// A merchant's public indices, each rate beside the counts it is made of and what it leaves out
// (docs/indices.md): nobody has to trust a bare percentage.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './products.css';

type Figures = Record<string, number | null>;

/** Each index: its value, numerator, denominator and the count it excludes (keys of the profile's figures). */
const INDICES = [
  {
    key: 'resolution',
    value: 'indexResolutionRate',
    num: 'indexResolvedRated',
    den: 'indexClosed',
    excluded: 'indexResolvedUnrated',
    rate: true,
  },
  { key: 'timely', value: 'indexTimelyRate', num: 'indexTimely', den: 'indexTimelyDecided', excluded: 'indexTimelyUndecided', rate: true },
  {
    key: 'promises',
    value: 'indexPromisesKeptRate',
    num: 'indexPromisesKept',
    den: 'indexPromisesDecided',
    excluded: 'indexPromisesPending',
    rate: true,
  },
  { key: 'median', value: 'indexMedianDaysToClose', num: null, den: 'indexClosedWithDays', excluded: null, rate: false },
  { key: 'satisfaction', value: 'indexSatisfaction', num: null, den: 'indexRatings', excluded: null, rate: false },
] as const;

export function HonestIndices({ figures }: { figures: Figures }) {
  const { t } = useTranslation('products');
  if (!('indexComplaints' in figures)) return null;
  const n = (k: string) => figures[k] ?? 0;
  return (
    <section className="card" data-testid="honest-indices">
      <h2>{t('merchant.indices.title')}</h2>
      <p className="muted">{t('merchant.indices.hint', { count: n('indexComplaints') })}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('merchant.indices.index')}</th>
            <th>{t('merchant.indices.value')}</th>
            <th>{t('merchant.indices.basis')}</th>
            <th>{t('merchant.indices.excluded')}</th>
          </tr>
        </thead>
        <tbody>
          {INDICES.map((i) => {
            const v = figures[i.value];
            const shown = v === null || v === undefined ? '—' : i.rate ? `${(v * 100).toFixed(1)}%` : String(v);
            return (
              <tr key={i.key} data-index={i.key}>
                <th scope="row">{t(`merchant.indices.${i.key}.name`)}</th>
                <td>{shown}</td>
                <td>{t(`merchant.indices.${i.key}.basis`, { num: i.num ? n(i.num) : 0, den: n(i.den) })}</td>
                <td>
                  {i.key === 'resolution'
                    ? t('merchant.indices.resolution.excluded', { unrated: n('indexResolvedUnrated'), low: n('indexResolvedDissatisfied') })
                    : i.excluded
                      ? t(`merchant.indices.${i.key}.excluded`, { count: n(i.excluded) })
                      : t(`merchant.indices.${i.key}.excluded`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <Link to="/rankings" data-testid="rankings-link">
          {t('merchant.indices.rankings')}
        </Link>
      </p>
    </section>
  );
}
