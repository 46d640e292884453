// The platform's coverage decision, every check in the reader's language.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { ReturnRequest } from './api';
import { useRegionName } from './useRegionNames';

/** `compact` (in lists) shows the verdict and only the checks that failed. */
export function CoverageReasons({ request, compact = false }: { request: ReturnRequest; compact?: boolean }) {
  const { t } = useTranslation('returns');
  const region = useRegionName();
  const { coverage } = request;
  return (
    <div className={`coverage ${request.covered ? 'coverage-yes' : 'coverage-no'}`} data-testid="coverage">
      <strong data-testid="coverage-verdict" data-covered={request.covered}>
        {request.covered ? t('coverage.covered') : t('coverage.notCovered')}
      </strong>
      {/* What the consumer needs next: until when the goods may come back, and how fast the money. */}
      {request.covered && coverage.lastDay && (
        <span className="coverage-terms" data-testid="coverage-terms">
          {t('coverage.lastDay', { day: coverage.lastDay })}
          {coverage.refundWithinHours ? ` · ${t('coverage.refundWithin', { hours: coverage.refundWithinHours })}` : ''}
        </span>
      )}
      <ul className="reason-list">
        {coverage.reasons
          .filter((r) => !compact || !r.ok)
          .map((r) => {
            const p = r.params ?? {};
            const values = {
              ...p,
              scopeLabel: p.scope ? t(`scope.${p.scope}`) : '',
              cityName: p.city ? region(String(p.city)) : '',
              purchaseCityName: p.purchaseCity ? region(String(p.purchaseCity)) : '',
              returnCityName: p.returnCity ? region(String(p.returnCity)) : '',
              categoryLabel: p.category ? t(`categories.${p.category}`) : '',
            };
            return (
              <li key={r.code} className={r.ok ? 'reason-ok' : 'reason-fail'} data-testid={`reason-${r.code}`}>
                <span aria-hidden="true">{r.ok ? '✓' : '✗'}</span> {t(`reasons.${r.code}`, values)}
              </li>
            );
          })}
      </ul>
      {!compact && request.covered && request.dueAt && request.status === 'pending' && (
        <p className="muted">{t('coverage.refundBy', { time: formatDateTime(request.dueAt) })}</p>
      )}
    </div>
  );
}

export function StatusBadge({ request }: { request: ReturnRequest }) {
  const { t } = useTranslation('returns');
  const tone = request.status === 'honored' ? 'badge-success' : request.status === 'refused' ? 'badge-danger' : 'badge-warning';
  return (
    <span className="badge-stack">
      <span className={`badge ${tone}`} data-testid="return-status">
        {t(`status.${request.status}`)}
      </span>
      {request.breach && request.breachKind && <span className="badge badge-danger">{t(`breach.${request.breachKind}`)}</span>}
    </span>
  );
}
