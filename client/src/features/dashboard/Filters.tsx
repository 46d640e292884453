// Region, period and category of every panel, kept in the address so a view can be shared.
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../../shared/enums';
import type { useRegions } from './regions';

export interface FilterState {
  region: string;
  days: string;
  from: string;
  to: string;
  category: string;
}

export const PRESETS = ['30', '90', '180'] as const;

interface Props {
  value: FilterState;
  home: string;
  regions: ReturnType<typeof useRegions>;
  onChange(next: Partial<FilterState>): void;
}

export function Filters({ value, home, regions, onChange }: Props) {
  const { t } = useTranslation('dashboard');
  // A province bureau picks any city or county; a city bureau its counties; a county bureau has one.
  const options =
    home === '33' ? regions.cities.flatMap((c) => [c, ...regions.countiesOf(c.code)]) : home.length === 4 ? regions.countiesOf(home) : [];
  return (
    <div className="dash-filters" data-testid="dashboard-filters">
      <label className="dash-filter">
        <span>{t('filters.region')}</span>
        <select
          value={value.region}
          onChange={(e) => onChange({ region: e.target.value })}
          data-testid="filter-region"
          disabled={options.length === 0}
        >
          <option value={home}>{t('filters.allRegion', { name: regions.name(home) })}</option>
          {options.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'county' ? `\u3000${regions.name(r.code)}` : regions.name(r.code)}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-filter">
        <span>{t('filters.period')}</span>
        <select value={value.days} onChange={(e) => onChange({ days: e.target.value })} data-testid="filter-period">
          {PRESETS.map((d) => (
            <option key={d} value={d}>
              {t('filters.days', { count: Number(d) })}
            </option>
          ))}
          <option value="custom">{t('filters.custom')}</option>
        </select>
      </label>
      {value.days === 'custom' && (
        <>
          <label className="dash-filter">
            <span>{t('filters.from')}</span>
            <input
              type="date"
              value={value.from}
              max={value.to || undefined}
              onChange={(e) => onChange({ from: e.target.value })}
              data-testid="filter-from"
            />
          </label>
          <label className="dash-filter">
            <span>{t('filters.to')}</span>
            <input
              type="date"
              value={value.to}
              min={value.from || undefined}
              onChange={(e) => onChange({ to: e.target.value })}
              data-testid="filter-to"
            />
          </label>
        </>
      )}
      <label className="dash-filter">
        <span>{t('filters.category')}</span>
        <select value={value.category} onChange={(e) => onChange({ category: e.target.value })} data-testid="filter-category">
          <option value="">{t('filters.anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
