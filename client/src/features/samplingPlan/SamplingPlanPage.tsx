// A bureau's risk-based sampling plan for a quarter: the subjects riskiest first, each with the evidence
// behind its score, the suggested and planned samplings, and what the imports sampled this quarter. The
// bureau adds, removes or changes the count of a subject, and exports the plan as CSV. It reloads when
// a sampling import finishes, since the results column follows the imports.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useSocketEvent } from '../../realtime/socket';
import './samplingPlan.css';
import { adjustPlan, exportPlanUrl, getPlan, type AdjustPlanInput, type PlanItem, type SamplingPlan } from './api';

/** This quarter and the three before it, in Shanghai. */
function quarters(): string[] {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString();
  let year = Number(day.slice(0, 4));
  let q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) [q, year] = [4, year - 1];
  }
  return out;
}

function Evidence({ item }: { item: PlanItem }) {
  const { t } = useTranslation('samplingPlan');
  const e = item.evidence;
  const lines = [
    e.complaints > 0 && t('evidence.complaints', { count: e.complaints, points: e.points.complaints }),
    e.safetyComplaints > 0 && t('evidence.safety', { count: e.safetyComplaints, points: e.points.safetyComplaints }),
    e.openFlag && t('evidence.flag', { points: e.points.openFlag }),
    e.failedSamplings > 0 && t('evidence.failed', { count: e.failedSamplings, points: e.points.failedSamplings }),
    e.incidents > 0 && t('evidence.incidents', { count: e.incidents, points: e.points.incidents }),
    e.creditTier && e.points.credit > 0 && t('evidence.credit', { tier: e.creditTier, points: e.points.credit }),
    e.producerClean && t('evidence.clean', { count: e.passedSamplings }),
  ].filter(Boolean) as string[];
  return (
    <ul className="plan-evidence" data-testid="plan-evidence">
      {(lines.length ? lines : [t('evidence.none')]).map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function Row({ item, quarter, onChanged }: { item: PlanItem; quarter: string; onChanged(i: PlanItem): void }) {
  const { t } = useTranslation('samplingPlan');
  const { t: tc } = useTranslation('common');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState(String(Math.max(item.planned, 1)));
  async function run(action: AdjustPlanInput['action'], n?: number) {
    setBusy(action);
    setError(null);
    try {
      onChanged(await adjustPlan({ quarter, productId: item.productId, action, ...(n ? { count: n } : {}) }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  }
  // One busy button per adjustment; `n` is the count of a frequency change.
  const button = (action: AdjustPlanInput['action'], label: string, testId: string, n?: number, invalid = false) => (
    <Button
      busy={busy === action}
      busyLabel={t('action.saving')}
      disabled={!!busy || invalid}
      data-testid={testId}
      onClick={() => void run(action, n)}
    >
      {t(label)}
    </Button>
  );
  return (
    <tr data-testid="plan-item" data-product={item.productId} data-tier={item.tier} data-planned={item.planned}>
      <td data-label={t('col.product')}>
        <div className="cell-strong">{item.productName}</div>
        <div className="muted">
          {item.producer ?? '—'} · {tc(`categories.${item.category}`)}
          {item.keyCategory && <span className="badge badge-warning"> {t('key')}</span>}
        </div>
      </td>
      <td data-label={t('col.score')}>
        <div className="cell-strong" data-testid="plan-score">
          {item.score}
        </div>
        <span className={item.tier === 'high' ? 'badge badge-danger' : item.tier === 'elevated' ? 'badge badge-warning' : 'badge'}>
          {t(`tier.${item.tier}`)}
        </span>
      </td>
      <td data-label={t('col.evidence')}>
        <Evidence item={item} />
      </td>
      <td data-label={t('col.planned')}>
        <div className="cell-strong">{item.planned}</div>
        <div className="muted">
          {t('suggested', { count: item.suggested })}
          {item.adjustment && ` · ${t(`adjustment.${item.adjustment}`)}`}
        </div>
      </td>
      <td data-label={t('col.result')} data-testid="plan-result">
        {item.sampled ? (
          t('result.sampled', { sampled: item.sampled, passed: item.passed, failed: item.failed })
        ) : (
          <span className="muted">{t('result.none')}</span>
        )}
        {item.failedItems.length > 0 && <div className="muted">{item.failedItems.join('、')}</div>}
      </td>
      <td data-label={t('col.adjust')}>
        {error && <Alert tone="warning">{error}</Alert>}
        <div className="button-row">
          {item.planned > 0 ? button('remove', 'action.remove', 'plan-remove') : button('add', 'action.add', 'plan-add')}
          <input
            aria-label={t('count')}
            type="number"
            min={1}
            max={12}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            className="plan-count"
            data-testid="plan-count"
          />
          {button('frequency', 'action.set', 'plan-set', Number(count), !(Number(count) >= 1 && Number(count) <= 12))}
          {item.adjustment && button('reset', 'action.reset', 'plan-reset')}
        </div>
      </td>
    </tr>
  );
}

export function SamplingPlanPage() {
  const { t, i18n } = useTranslation('samplingPlan');
  const options = quarters();
  const [quarter, setQuarter] = useState(options[0]!);
  const [show, setShow] = useState<'planned' | 'all'>('planned');
  const [plan, setPlan] = useState<SamplingPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    getPlan({ quarter, show, limit: 50 }, ctl.signal)
      .then((p) => {
        setError(null);
        setPlan(p);
      })
      .catch((e) => !ctl.signal.aborted && setError(describeError(e)));
    return () => ctl.abort();
  }, [quarter, show, tick]);
  // A finished import changes the results column.
  useSocketEvent('import:progress', (p) => p.status === 'done' && setTick((n) => n + 1));

  const replace = useCallback(
    (i: PlanItem) => setPlan((p) => (p ? { ...p, items: p.items.map((x) => (x.productId === i.productId ? i : x)) } : p)),
    [],
  );
  async function more() {
    if (!plan?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await getPlan({ quarter, show, limit: 50, cursor: plan.nextCursor });
      setPlan({ ...next, items: [...plan.items, ...next.items] });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Page
      testId="page-sampling-plan"
      title={t('title')}
      description={t('description')}
      actions={
        <a className="button" href={exportPlanUrl(quarter, i18n.language)} data-testid="plan-export" download>
          {t('export')}
        </a>
      }
    >
      <div className="plan-filters">
        <div className="field">
          <label htmlFor="plan-quarter">{t('quarter')}</label>
          <select id="plan-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="plan-quarter">
            {options.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row" role="tablist">
          {(['planned', 'all'] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={show === s}
              className={show === s ? 'button button-primary' : 'button'}
              data-testid={`plan-show-${s}`}
              onClick={() => setShow(s)}
            >
              {t(`show.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <Alert tone="danger">{error}</Alert>}
      {!plan && !error && <Loading />}
      {plan && (
        <>
          <p className="muted" data-testid="plan-totals">
            {t('totals', plan.totals)} · {plan.computedAt ? t('computedAt', { at: formatDateTime(plan.computedAt) }) : t('notComputed')}
          </p>
          {plan.items.length === 0 ? (
            <EmptyState title={t('empty')} hint={t('emptyHint')} />
          ) : (
            <table className="table" data-testid="plan-table">
              <thead>
                <tr>
                  <th>{t('col.product')}</th>
                  <th>{t('col.score')}</th>
                  <th>{t('col.evidence')}</th>
                  <th>{t('col.planned')}</th>
                  <th>{t('col.result')}</th>
                  <th>{t('col.adjust')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.items.map((i) => (
                  <Row key={`${quarter}-${i.productId}`} item={i} quarter={quarter} onChanged={replace} />
                ))}
              </tbody>
            </table>
          )}
          {plan.nextCursor && (
            <Button busy={loadingMore} disabled={loadingMore} onClick={() => void more()}>
              {t('more')}
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
