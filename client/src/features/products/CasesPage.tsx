import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_STATUSES } from '../../../../shared/schemas/products';
import { formatDate } from '../../i18n/format';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { useRegions } from '../dashboard/regions';
import { listCases, type Case } from './api';
import { ProductLine } from './parts';
import { FilteredTablePage } from './FilteredTablePage';
import './products.css';

export function CasesPage() {
  const { t } = useTranslation('products');
  const [status, setStatus] = useState('');
  const [tick] = useLiveTick();
  const regions = useRegions();
  const cases = usePanel((s) => listCases({ status: status || undefined, limit: 100 }, s), status, tick);
  return (
    <FilteredTablePage<Case>
      page={{ testId: 'page-cases', title: t('cases.title'), description: t('cases.description') }}
      filter={{
        label: t('flags.status'),
        value: status,
        onChange: setStatus,
        any: t('cases.anyStatus'),
        options: CASE_STATUSES.map((s) => [s, t(`caseStatus.${s}`)] as const),
        testId: 'cases-status',
      }}
      panel={cases}
      testId="cases"
      empty={{ title: t('cases.emptyTitle'), hint: t('cases.emptyHint') }}
      columns={[
        {
          label: t('cases.product'),
          cell: (c) => (
            <Link to={`/cases/${c.id}`}>
              <ProductLine product={c.product} />
            </Link>
          ),
        },
        { label: t('cases.producer'), cell: (c) => c.producer ?? '—' },
        {
          label: t('flags.status'),
          cell: (c) => (
            <>
              <span className={`badge enf-case-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
              {c.public && <span className="badge badge-success enf-gap">{t('cases.public')}</span>}
            </>
          ),
        },
        { label: t('cases.bureau'), cell: (c) => c.bureauName ?? regions.name(c.assignedRegion) },
        { label: t('cases.updated'), cell: (c) => c.updatedAt && formatDate(c.updatedAt) },
      ]}
    />
  );
}
