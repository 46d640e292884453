// The complaint list of every role: one row per complaint, columns by who is looking.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isKeyCategory } from '../../../../shared/enums';
import { formatDateTime } from '../../i18n/format';
import type { Complaint } from './api';
import { DeadlineBadge, NewBadge, StatusBadge, UrgentBadge } from './Badges';
import { ConsumerName } from './ConsumerName';

type Column = 'merchant' | 'consumer';

/** Rows that can be chosen for a bulk action (the regulator queue). */
export interface Selection {
  selected: ReadonlySet<string>;
  toggle(c: Complaint): void;
}

interface Props {
  items: Complaint[];
  fresh: ReadonlySet<string>;
  columns: readonly Column[];
  testId: string;
  selection?: Selection;
}

export function ComplaintTable({ items, fresh, columns, testId, selection }: Props) {
  const { t } = useTranslation('complaints');
  return (
    <div className="card table-card">
      <table className="table table-cards complaint-table" data-testid={testId}>
        <thead>
          <tr>
            {selection && <th aria-label={t('list.select')} />}
            <th>{t('list.number')}</th>
            <th>{t('list.product')}</th>
            {columns.includes('merchant') && <th>{t('list.merchant')}</th>}
            {columns.includes('consumer') && <th>{t('list.consumer')}</th>}
            <th>{t('list.status')}</th>
            <th>{t('list.deadline')}</th>
            <th>{t('list.filed')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr
              key={c.id}
              className={[fresh.has(c.id) && 'is-fresh', c.deadlines.current?.overdue && 'is-overdue'].filter(Boolean).join(' ')}
              data-testid={`complaint-row-${c.id}`}
              data-status={c.status}
            >
              {selection && (
                <td className="select-cell" data-label={t('list.select')}>
                  <input
                    type="checkbox"
                    aria-label={t('list.selectOne', { number: c.number })}
                    checked={selection.selected.has(c.id)}
                    onChange={() => selection.toggle(c)}
                    data-testid="complaint-select"
                  />
                </td>
              )}
              <td data-label={t('list.number')}>
                <Link to={`/complaints/${c.id}`} className="mono" data-testid="complaint-link">
                  {c.number}
                </Link>
                {c.priority === 'urgent' && <UrgentBadge />}
                {fresh.has(c.id) && <NewBadge />}
              </td>
              <td data-label={t('list.product')}>
                <div className="cell-strong">{c.product.name}</div>
                <div className="muted">
                  {t(`categories.${c.product.category}`)}
                  {isKeyCategory(c.product.category) && ` · ${t('keyCategory')}`}
                </div>
              </td>
              {columns.includes('merchant') && (
                <td data-label={t('list.merchant')}>
                  <div>{c.merchantName}</div>
                  <div className="muted">{c.storeName}</div>
                </td>
              )}
              {columns.includes('consumer') && (
                <td data-label={t('list.consumer')} className="nowrap">
                  <ConsumerName complaint={c} />
                </td>
              )}
              <td data-label={t('list.status')}>
                <StatusBadge status={c.status} />
              </td>
              <td data-label={t('list.deadline')}>
                <DeadlineBadge complaint={c} />
              </td>
              <td data-label={t('list.filed')} className="nowrap">
                {formatDateTime(c.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
