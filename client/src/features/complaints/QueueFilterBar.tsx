import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, COMPLAINT_STATUSES, isKeyCategory } from '../../../../shared/enums';
import { useUser } from '../auth/session';
import type { QueueFilters } from './queueFilters';
import { CityCountyPicker } from './regions';
import { TextField } from '../../components/form/TextField';

interface Props {
  filters: QueueFilters;
  onChange(next: QueueFilters): void;
}

export function QueueFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation('complaints');
  const [q, setQ] = useState(filters.q);
  const user = useUser();
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });

  function search(e: FormEvent) {
    e.preventDefault();
    set({ q: q.trim() });
  }

  return (
    <form className="card filter-bar" onSubmit={search} data-testid="queue-filters">
      <div className="field">
        <label htmlFor="f-status">{t('filters.status')}</label>
        <select id="f-status" value={filters.status} onChange={(e) => set({ status: e.target.value })} data-testid="filter-status">
          <option value="">{t('filters.anyStatus')}</option>
          <option value="open">{t('filters.open')}</option>
          <option value="closed">{t('filters.closed')}</option>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <CityCountyPicker
        prefix="filter"
        city={filters.city}
        county={filters.county}
        onChange={(city, county) => set({ city, county })}
        cityLabel={t('filters.city')}
        countyLabel={t('filters.county')}
        empty={t('filters.anyRegion')}
        within={user.role === 'regulator' ? user.regionCode : undefined}
      />
      <div className="field">
        <label htmlFor="f-category">{t('filters.category')}</label>
        <select id="f-category" value={filters.category} onChange={(e) => set({ category: e.target.value })} data-testid="filter-category">
          <option value="">{t('filters.anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
              {isKeyCategory(c) ? ` · ${t('keyCategory')}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-priority">{t('filters.priority')}</label>
        <select id="f-priority" value={filters.priority} onChange={(e) => set({ priority: e.target.value })} data-testid="filter-priority">
          <option value="">{t('filters.anyPriority')}</option>
          <option value="urgent">{t('urgent')}</option>
          <option value="normal">{t('filters.normal')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-overdue">{t('filters.overdue')}</label>
        <select id="f-overdue" value={filters.overdue} onChange={(e) => set({ overdue: e.target.value })} data-testid="filter-overdue">
          <option value="">{t('filters.anyDeadline')}</option>
          <option value="true">{t('filters.overdueOnly')}</option>
          <option value="false">{t('filters.inTime')}</option>
        </select>
      </div>
      <TextField
        label={t('filters.from')}
        type="date"
        value={filters.from}
        onChange={(e) => set({ from: e.target.value })}
        data-testid="filter-from"
      />
      <TextField
        label={t('filters.to')}
        type="date"
        value={filters.to}
        onChange={(e) => set({ to: e.target.value })}
        data-testid="filter-to"
      />
      <div className="field filter-search">
        <label htmlFor="f-q">{t('filters.search')}</label>
        <div className="search-row">
          <input
            id="f-q"
            type="search"
            value={q}
            maxLength={100}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="filter-q"
          />
          <button className="button" type="submit" data-testid="filter-search">
            {t('filters.search')}
          </button>
        </div>
      </div>
    </form>
  );
}
