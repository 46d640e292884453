import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_STATUSES } from '../../../../shared/schemas/products';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { formatDate } from '../../i18n/format';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { useRegions } from '../dashboard/regions';
import { listCases } from './api';
import { Loaded, ProductLine } from './parts';
import './products.css';

export function CasesPage() {
  const { t } = useTranslation('products');
  const [status, setStatus] = useState('');
  const [tick] = useLiveTick();
  const regions = useRegions();
  const cases = usePanel((s) => listCases({ status: status || undefined, limit: 100 }, s), status, tick);
  return (
    <Page
      testId="page-cases"
      title={t('cases.title')}
      description={t('cases.description')}
      actions={
        <select aria-label={t('flags.status')} value={status} onChange={(e) => setStatus(e.target.value)} data-testid="cases-status">
          <option value="">{t('cases.anyStatus')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`caseStatus.${s}`)}
            </option>
          ))}
        </select>
      }
    >
      <Loaded panel={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('cases.emptyTitle')} hint={t('cases.emptyHint')} />
          ) : (
            <>
              <ResultCount count={page.total} />
              <div className="card table-card">
                <table className="table table-cards" data-testid="cases-table">
                  <thead>
                    <tr>
                      <th>{t('cases.product')}</th>
                      <th>{t('cases.producer')}</th>
                      <th>{t('flags.status')}</th>
                      <th>{t('cases.bureau')}</th>
                      <th>{t('cases.updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id} data-testid={`case-row-${c.id}`}>
                        <td data-label={t('cases.product')}>
                          <Link to={`/cases/${c.id}`}>
                            <ProductLine product={c.product} />
                          </Link>
                        </td>
                        <td data-label={t('cases.producer')}>{c.producer ?? '—'}</td>
                        <td data-label={t('flags.status')}>
                          <span className={`badge enf-case-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
                          {c.public && <span className="badge badge-success enf-gap">{t('cases.public')}</span>}
                        </td>
                        <td data-label={t('cases.bureau')}>{c.bureauName ?? regions.name(c.assignedRegion)}</td>
                        <td data-label={t('cases.updated')}>{c.updatedAt && formatDate(c.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
