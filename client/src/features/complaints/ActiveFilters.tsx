// The queue's result count and every filter in force, each by its name (a drill-down from the
// dashboard sets several at once, a merchant among them, which the bar's fields do not show) and
// each removable on its own, or all together (the bureau's view, 我的 / 未分配 / 全部, stays).
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getMerchant } from '../products/api';
import { NO_FILTERS, type QueueFilters } from './queueFilters';
import { RegionName } from './regions';

interface Props {
  filters: QueueFilters;
  onChange(next: QueueFilters): void;
  /** The result count; null while it loads. */
  count: number | null;
}

function MerchantName({ id }: { id: string }) {
  const [name, setName] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    getMerchant(id, abort.signal).then(
      (m) => setName({ id, name: m.name }),
      () => undefined,
    );
    return () => abort.abort();
  }, [id]);
  return <>{name?.id === id ? name.name : '…'}</>;
}

export function ActiveFilters({ filters, onChange, count }: Props) {
  const { t } = useTranslation('complaints');
  const status =
    filters.status === ''
      ? t('filters.anyStatus')
      : filters.status === 'open' || filters.status === 'closed'
        ? t(`filters.${filters.status}`)
        : t(`status.${filters.status}`);
  const region = filters.county || filters.city;
  const chips: { key: string; label: string; value: ReactNode; clear: Partial<QueueFilters> }[] = [];
  if (filters.status !== NO_FILTERS.status)
    chips.push({ key: 'status', label: t('filters.status'), value: status, clear: { status: NO_FILTERS.status } });
  if (region)
    chips.push({
      key: 'region',
      label: t(filters.county ? 'filters.county' : 'filters.city'),
      value: <RegionName code={region} />,
      clear: { city: '', county: '' },
    });
  if (filters.category)
    chips.push({ key: 'category', label: t('filters.category'), value: t(`categories.${filters.category}`), clear: { category: '' } });
  if (filters.from || filters.to)
    chips.push({
      key: 'dates',
      label: t('filters.dates'),
      value: `${filters.from || '…'} – ${filters.to || '…'}`,
      clear: { from: '', to: '' },
    });
  if (filters.merchantId)
    chips.push({
      key: 'merchant',
      label: t('filters.merchant'),
      value: <MerchantName id={filters.merchantId} />,
      clear: { merchantId: '' },
    });
  if (filters.priority)
    chips.push({
      key: 'priority',
      label: t('filters.priority'),
      value: filters.priority === 'urgent' ? t('urgent') : t('filters.normal'),
      clear: { priority: '' },
    });
  if (filters.overdue)
    chips.push({
      key: 'overdue',
      label: t('filters.overdue'),
      value: t(filters.overdue === 'true' ? 'filters.overdueOnly' : 'filters.inTime'),
      clear: { overdue: '' },
    });
  if (filters.q) chips.push({ key: 'q', label: t('filters.search'), value: filters.q, clear: { q: '' } });

  return (
    <div className="active-filters" data-testid="active-filters">
      <strong className="result-count" data-testid="result-count" data-count={count ?? ''}>
        {count === null ? '…' : t('filters.resultCount', { count })}
      </strong>
      {chips.map((c) => (
        <span key={c.key} className="filter-chip" data-testid={`active-filter-${c.key}`}>
          <span className="muted">{c.label}</span> {c.value}
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={t('filters.remove', { name: c.label })}
            onClick={() => onChange({ ...filters, ...c.clear })}
            data-testid={`remove-filter-${c.key}`}
          >
            ×
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => onChange({ ...NO_FILTERS, assignee: filters.assignee })}
          data-testid="clear-filters"
        >
          {t('filters.clearAll')}
        </button>
      )}
    </div>
  );
}
