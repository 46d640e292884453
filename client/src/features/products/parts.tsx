// Small pieces shared by the products pages: rule badges, product line, load states.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
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
