// Region × category × week cells, observed against each cell's own baseline; rows open the complaints.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Filter, HotspotCell } from './api';
import { queueLink, weekDays } from './drill';

export function HotspotTable({ cells, filter, name }: { cells: HotspotCell[]; filter: Filter; name(code: string): string }) {
  const { t } = useTranslation('dashboard');
  if (cells.length === 0) return <p className="muted dash-empty">{t('hotspots.empty')}</p>;
  return (
    <table className="table table-cards dash-table" data-testid="hotspot-table">
      <thead>
        <tr>
          <th>{t('hotspots.region')}</th>
          <th>{t('hotspots.category')}</th>
          <th>{t('hotspots.week')}</th>
          <th className="num">{t('hotspots.observed')}</th>
          <th className="num">{t('hotspots.expected')}</th>
          <th className="num">{t('hotspots.score')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr
            key={`${c.regionCode}-${c.category}-${c.week}`}
            className={c.hotspot ? 'dash-hot' : undefined}
            data-testid="hotspot-row"
            data-hotspot={c.hotspot}
          >
            <td className="cell-strong" data-label={t('hotspots.region')}>
              {name(c.regionCode)}
              {c.hotspot && <span className="badge badge-danger dash-badge">{t('hotspots.hotspot')}</span>}
            </td>
            <td data-label={t('hotspots.category')}>{t(`categories.${c.category}`)}</td>
            <td className="mono" data-label={t('hotspots.week')}>
              {c.week}
            </td>
            <td className="num" data-label={t('hotspots.observed')}>
              <Link to={queueLink(filter, { region: c.regionCode, category: c.category, ...weekDays(c.week) })}>{c.observed}</Link>
            </td>
            <td className="num muted" data-label={t('hotspots.expected')}>
              {c.expected.toFixed(1)}
            </td>
            <td className="num" data-label={t('hotspots.score')}>
              {c.score.toFixed(1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
