import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { formatDate } from '../../i18n/format';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { FLAG_STATUSES } from '../../../../shared/schemas/products';
import { listFlags } from './api';
import { Loaded, ProductLine, RuleBadges } from './parts';
import './products.css';

/** Flagged products, highest score first; new and escalated flags appear live. */
export function FlagsPage() {
  const { t } = useTranslation('products');
  const [status, setStatus] = useState('');
  const [tick] = useLiveTick();
  const flags = usePanel((s) => listFlags({ status: status || undefined, limit: 100 }, s), status, tick);
  return (
    <Page
      testId="page-flags"
      title={t('flags.title')}
      description={t('flags.description')}
      actions={
        <>
          <select aria-label={t('flags.status')} value={status} onChange={(e) => setStatus(e.target.value)} data-testid="flags-status">
            <option value="">
              {t('flagStatus.open')} + {t('flagStatus.case_opened')}
            </option>
            {FLAG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`flagStatus.${s}`)}
              </option>
            ))}
          </select>
          <Link className="button button-ghost" to="/flag-rules">
            {t('flags.rulesLink')}
          </Link>
        </>
      }
    >
      <Loaded panel={flags}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('flags.emptyTitle')} hint={t('flags.emptyHint')} />
          ) : (
            <>
              <ResultCount count={page.total} />
              <div className="card table-card">
                <table className="table table-cards" data-testid="flags-table">
                  <thead>
                    <tr>
                      <th>{t('flags.product')}</th>
                      <th>{t('flags.rules')}</th>
                      <th className="num">{t('flags.score')}</th>
                      <th>{t('flags.evidence')}</th>
                      <th>{t('flags.status')}</th>
                      <th>{t('flags.raisedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((f) => (
                      <tr key={f.id} data-testid={`flag-row-${f.id}`}>
                        <td data-label={t('flags.product')}>
                          <Link to={`/flags/${f.id}`} data-testid={`flag-link-${f.id}`}>
                            <ProductLine product={f.product} />
                          </Link>
                        </td>
                        <td data-label={t('flags.rules')}>
                          <RuleBadges rules={f.rules} />
                        </td>
                        <td className="num cell-strong" data-label={t('flags.score')}>
                          {f.score}
                        </td>
                        <td data-label={t('flags.evidence')}>
                          {t('flags.counts', {
                            complaints: f.evidence.complaintCount,
                            merchants: f.evidence.merchantCount,
                            regions: f.evidence.regionCodes.length,
                          })}
                          {f.evidence.samplingFailures > 0 && (
                            <div className="text-danger">{t('flags.samplingFailures', { count: f.evidence.samplingFailures })}</div>
                          )}
                        </td>
                        <td data-label={t('flags.status')}>
                          {f.caseId ? <Link to={`/cases/${f.caseId}`}>{t(`flagStatus.${f.status}`)}</Link> : t(`flagStatus.${f.status}`)}
                        </td>
                        <td data-label={t('flags.raisedAt')}>{f.raisedAt && formatDate(f.raisedAt)}</td>
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
