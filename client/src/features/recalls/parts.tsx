// Pieces of the recall pages: the product line, the risk badge, the loading state.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import type { Panel } from '../dashboard/usePanel';
import type { Recall } from './api';

export function RiskBadge({ level }: { level: Recall['riskLevel'] }) {
  const { t } = useTranslation('recalls');
  return (
    <span className={`badge recall-risk recall-risk-${level}`} data-testid="recall-risk">
      {t(`risk.${level}`)}
    </span>
  );
}

export function productLabel(p: Recall['product']): string {
  return [p.brand, p.name, p.model].filter(Boolean).join(' ');
}

export function Loaded<T>({ panel, children }: { panel: Panel<T>; children(data: T): ReactNode }) {
  const { t } = useTranslation('recalls');
  if (panel.data) return children(panel.data);
  if (panel.error) return <Alert tone="danger">{t('loadFailed', { message: panel.error })}</Alert>;
  return <Loading />;
}
