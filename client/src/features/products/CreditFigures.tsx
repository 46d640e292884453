// A merchant's figures behind its credit tier, named and formatted: the public profile and the
// regulator's review list show the same list.
import { useTranslation } from 'react-i18next';
import './products.css';

/** Figures shown, in this order; rates are fractions. Others the server adds are left out. */
const FIGURES = [
  'creditScore',
  'complaints180d',
  'complaintsPerStore',
  'timelyResponseRate180d',
  'resolutionRate180d',
  'returnRequests',
  'returnHonorRate',
  'returnMedianRefundHours',
  'returnBreaches',
  'enforcementCases',
] as const;
const RATES = new Set(['timelyResponseRate180d', 'resolutionRate180d', 'returnHonorRate']);

export function CreditFigures({ figures, testId }: { figures: Record<string, number | null>; testId?: string }) {
  const { t } = useTranslation('products');
  const value = (k: string) => {
    const v = figures[k];
    if (v === null || v === undefined) return '—';
    return RATES.has(k) ? `${(v * 100).toFixed(1)}%` : String(Math.round(v * 10) / 10);
  };
  return (
    <dl className="enf-figures" data-testid={testId}>
      {FIGURES.filter((k) => k in figures).map((k) => (
        <div key={k} data-figure={k}>
          <dt>{t(`merchant.labels.${k}`)}</dt>
          <dd>{value(k)}</dd>
        </div>
      ))}
    </dl>
  );
}
