// A list of return requests with their coverage; the caller adds the actions each role may take.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../i18n/format';
import type { ReturnRequest } from './api';
import { CoverageReasons, StatusBadge } from './CoverageReasons';

export function ReturnRows({ items, actions }: { items: ReturnRequest[]; actions(r: ReturnRequest): ReactNode }) {
  const { t } = useTranslation('returns');
  return (
    <div className="card table-card">
      <table className="table" data-testid="returns-table">
        <thead>
          <tr>
            <th>{t('columns.created')}</th>
            <th>{t('columns.product')}</th>
            <th>{t('columns.stores')}</th>
            <th>{t('columns.amount')}</th>
            <th>{t('columns.coverage')}</th>
            <th>{t('columns.status')}</th>
            <th>{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid={`return-row-${r.id}`}>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>
                {r.product.name}
                <div className="muted">{t(`categories.${r.product.category}`)}</div>
              </td>
              <td>
                {r.purchaseStore.name} → {r.returnStore.name}
              </td>
              <td>{formatMoney(r.amountFen)}</td>
              <td style={{ minWidth: 240 }}>
                <CoverageReasons request={r} compact />
              </td>
              <td>
                <StatusBadge request={r} />
                {r.refusalReason && <div className="muted">{r.refusalReason}</div>}
              </td>
              <td>{actions(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
