// Small pieces shared by the products pages: rule badges, product line, load states.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { ResultCount } from '../../components/ResultCount';
import { Loading } from '../../components/Loading';
import type { Panel } from '../dashboard/usePanel';
import type { ProductLabel } from './api';

export function RuleBadges({ rules }: { rules: string[] }) {
  const { t } = useTranslation('products');
  return (
    <span className="badge-row">
      {rules.map((r) => (
        <span key={r} className={`badge ${r === 'safety' || r === 'sampling' ? 'badge-danger' : 'badge-warning'}`}>
          {t(`rules.${r}`)}
        </span>
      ))}
    </span>
  );
}

/** "充电暖手宝 暖芯 NX-2000 · 电暖宝" */
export function ProductLine({ product }: { product: ProductLabel }) {
  const { t } = useTranslation('dashboard');
  const detail = [product.brand, product.model].filter(Boolean).join(' ');
  return (
    <>
      <span className="cell-strong">{product.name}</span>
      {detail && <span> {detail}</span>}
      <div className="muted">
        {t(`categories.${product.category}`)}
        {product.gtin && <span className="mono"> · {product.gtin}</span>}
      </div>
    </>
  );
}

export function Loaded<T>({ panel, children }: { panel: Panel<T>; children(data: T): ReactNode }) {
  const { t } = useTranslation('products');
  if (panel.data) return children(panel.data);
  if (panel.error) return <Alert tone="danger">{t('loadFailed', { message: panel.error })}</Alert>;
  return <Loading />;
}

export interface Column<T> {
  label: string;
  cell(row: T): ReactNode;
  /** A number column: right-aligned. */
  numeric?: boolean;
}

/** A counted list as a table (cards on a phone), or its empty state: the flag, case, incident and follow-up lists. */
export function CountedTable<T extends { id: string }>(props: {
  panel: Panel<{ items: T[]; total: number }>;
  empty: { title: string; hint: string };
  testId: string;
  columns: Column<T>[];
}) {
  const { panel, empty, testId, columns } = props;
  return (
    <Loaded panel={panel}>
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title={empty.title} hint={empty.hint} />
        ) : (
          <>
            <ResultCount count={page.total} />
            <div className="card table-card">
              <table className="table table-cards" data-testid={`${testId}-table`}>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.label} className={c.numeric ? 'num' : undefined}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((row) => (
                    <tr key={row.id} data-testid={`${testId.replace(/s$/, '')}-row-${row.id}`}>
                      {columns.map((c) => (
                        <td key={c.label} data-label={c.label} className={c.numeric ? 'num' : undefined}>
                          {c.cell(row)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      }
    </Loaded>
  );
}
