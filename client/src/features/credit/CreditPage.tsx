import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STATUS_NAMES } from '../../../../shared/statusNames';
import type { CreditInput } from '../../../../shared/schemas/credit';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Locale } from '../../../../shared/enums';
import { useSocketEvent } from '../../realtime/socket';
import { usePanel } from '../dashboard/usePanel';
import { CreditFigures } from '../products/CreditFigures';
import { Loaded } from '../products/parts';
import '../products/products.css';
import { getCreditInputs } from './api';
import { ContestForm } from './ContestForm';

/** What one complaint adds to the tier, in words. */
function Counts({ item }: { item: CreditInput }) {
  const { t } = useTranslation('credit');
  const c = item.counts;
  const promise = c.promise && `count.promise${c.promise[0]!.toUpperCase()}${c.promise.slice(1)}`;
  const parts = [
    'count.complaint',
    `count.timely${c.timely === null ? 'Null' : c.timely ? 'True' : 'False'}`,
    `count.${c.resolution}`,
    c.breach && 'count.breach',
    promise,
  ].filter((k): k is string => !!k);
  return (
    <ul className="credit-counts" data-testid="credit-counts">
      {parts.map((k) => (
        <li key={k}>{t(k)}</li>
      ))}
    </ul>
  );
}

/** The merchant's credit tier and every complaint it counts, each with a contest action; live on a decision. */
export function CreditPage() {
  const { t, i18n } = useTranslation('credit');
  const [tick, setTick] = useState(0);
  const [pages, setPages] = useState(1);
  const [contesting, setContesting] = useState<string | null>(null);
  const reload = () => setTick((x) => x + 1);
  useSocketEvent('notification', (n) => n.kind.startsWith('credit_contest') && reload());
  // Every page shown so far, reloaded together, so a decision updates the rows already listed.
  const panel = usePanel(
    async (signal) => {
      const first = await getCreditInputs(undefined, signal);
      const items = [...first.items];
      let next = first.nextCursor;
      for (let i = 1; i < pages && next; i++) {
        const more = await getCreditInputs(next, signal);
        items.push(...more.items);
        next = more.nextCursor;
      }
      return { ...first, items, nextCursor: next };
    },
    String(pages),
    tick,
  );
  const status = STATUS_NAMES[(i18n.language === 'en' ? 'en' : 'zh-CN') as Locale];
  return (
    <Page testId="page-credit" title={t('title')} description={t('description', { days: panel.data?.windowDays ?? 180 })}>
      <Loaded panel={panel}>
        {(d) => (
          <div className="enf-stack">
            <section className="card" data-testid="credit-summary">
              <h2>
                {t('tier')}：<span data-testid="credit-tier">{d.creditTier ?? '—'}</span>{' '}
                <span className="muted">{d.computedAt ? t('computedAt', { at: formatDateTime(d.computedAt) }) : t('notComputed')}</span>
              </h2>
              <CreditFigures figures={d.figures} testId="credit-figures" />
              {d.excluded > 0 && (
                <p className="muted" data-testid="credit-excluded-count">
                  {t('excludedCount', { count: d.excluded })}
                </p>
              )}
            </section>
            {d.items.length === 0 ? (
              <EmptyState title={t('emptyTitle')} hint={t('emptyHint', { days: d.windowDays })} />
            ) : (
              <section className="card">
                <table className="table" data-testid="credit-inputs">
                  <thead>
                    <tr>
                      <th>{t('complaint')}</th>
                      <th>{t('store')}</th>
                      <th>{t('counts')}</th>
                      <th>{t('contest')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((item) => (
                      <tr key={item.complaintId} data-testid={`credit-input-${item.complaintId}`} data-excluded={String(item.excluded)}>
                        <td>
                          <Link to={`/complaints/${item.complaintId}`}>{item.number}</Link>
                          <div className="muted">
                            {formatDate(item.filedAt)} · {item.productName} · {t(`categories.${item.category}`)} ·{' '}
                            {t(`complaints:problemTypes.${item.problemType}`)} · {status[item.status]}
                          </div>
                        </td>
                        <td>{item.storeName}</td>
                        <td>{item.excluded ? <span className="badge badge-success">{t('excluded')}</span> : <Counts item={item} />}</td>
                        <td>
                          {item.contest && (
                            <span className="badge" data-testid="credit-contest-state" data-state={item.contest.state}>
                              {t(`states.${item.contest.state}`)}
                            </span>
                          )}
                          {!item.excluded && item.contest?.state !== 'open' && contesting !== item.complaintId && (
                            <button
                              type="button"
                              className="button button-ghost"
                              onClick={() => setContesting(item.complaintId)}
                              data-testid="credit-contest-open"
                            >
                              {t('contestAction')}
                            </button>
                          )}
                          {contesting === item.complaintId && (
                            <ContestForm
                              complaintId={item.complaintId}
                              onCancel={() => setContesting(null)}
                              onDone={() => {
                                setContesting(null);
                                reload();
                              }}
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {d.nextCursor && (
                  <button type="button" className="button button-ghost" onClick={() => setPages((p) => p + 1)} data-testid="credit-more">
                    {t('loadMore')}
                  </button>
                )}
              </section>
            )}
          </div>
        )}
      </Loaded>
    </Page>
  );
}
