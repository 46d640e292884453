import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../i18n/format';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { FLAG_STATUSES } from '../../../../shared/schemas/products';
import { listFlags, type FlagListItem } from './api';
import { ProductLine, RuleBadges } from './parts';
import { FilteredTablePage } from './FilteredTablePage';
import './products.css';

/** Flagged products, highest score first; new and escalated flags appear live. */
export function FlagsPage() {
  const { t } = useTranslation('products');
  const [status, setStatus] = useState('');
  const [tick] = useLiveTick();
  const flags = usePanel((s) => listFlags({ status: status || undefined, limit: 100 }, s), status, tick);
  return (
    <FilteredTablePage<FlagListItem>
      page={{ testId: 'page-flags', title: t('flags.title'), description: t('flags.description') }}
      filter={{
        label: t('flags.status'),
        value: status,
        onChange: setStatus,
        any: `${t('flagStatus.open')} + ${t('flagStatus.case_opened')}`,
        options: FLAG_STATUSES.map((s) => [s, t(`flagStatus.${s}`)] as const),
        testId: 'flags-status',
      }}
      actions={
        <Link className="button button-ghost" to="/flag-rules">
          {t('flags.rulesLink')}
        </Link>
      }
      panel={flags}
      testId="flags"
      empty={{ title: t('flags.emptyTitle'), hint: t('flags.emptyHint') }}
      columns={[
        {
          label: t('flags.product'),
          cell: (f) => (
            <Link to={`/flags/${f.id}`} data-testid={`flag-link-${f.id}`}>
              <ProductLine product={f.product} />
            </Link>
          ),
        },
        { label: t('flags.rules'), cell: (f) => <RuleBadges rules={f.rules} /> },
        { label: t('flags.score'), numeric: true, cell: (f) => <span className="cell-strong">{f.score}</span> },
        {
          label: t('flags.evidence'),
          cell: (f) => (
            <>
              {t('flags.counts', {
                complaints: f.evidence.complaintCount,
                merchants: f.evidence.merchantCount,
                regions: f.evidence.regionCodes.length,
              })}
              {f.evidence.samplingFailures > 0 && (
                <div className="text-danger">{t('flags.samplingFailures', { count: f.evidence.samplingFailures })}</div>
              )}
            </>
          ),
        },
        {
          label: t('flags.status'),
          cell: (f) => (f.caseId ? <Link to={`/cases/${f.caseId}`}>{t(`flagStatus.${f.status}`)}</Link> : t(`flagStatus.${f.status}`)),
        },
        { label: t('flags.raisedAt'), cell: (f) => f.raisedAt && formatDate(f.raisedAt) },
      ]}
    />
  );
}
