import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatTime } from '../../i18n/format';
import { useUser } from '../auth/session';
import { listCases, listFlags } from '../products/api';
import { exportUrl, getHotspots, getMap, getSummary, getTimeseries, getTop, type Filter, type Interval, type Level } from './api';
import { addDays, queueLink, today, weekDays } from './drill';
import { Filters, PRESETS, type FilterState } from './Filters';
import { HotspotTable } from './HotspotTable';
import { OpenCases, OpenFlags } from './OpenWork';
import { useRegions } from './regions';
import { SummaryFigures } from './SummaryFigures';
import { TopList } from './TopList';
import { TrendChart } from './TrendChart';
import { UrgentAlerts } from './UrgentAlerts';
import { useLiveTick, usePanel, type Panel } from './usePanel';
import { ZhejiangMap } from './ZhejiangMap';
import './dashboard.css';

const DEFAULT_DAYS = '90';
const HOTSPOT_ROWS = 10;
const IN_PROGRESS = ['open', 'investigating', 'rectification_ordered', 'recall'];

/** The regulator's home: where complaints concentrate, how they are handled, what is being enforced. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const user = useUser();
  const home = user.role === 'regulator' && user.regionCode ? user.regionCode : '33';
  const regions = useRegions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const state: FilterState = {
    region: params.get('region') || home,
    days: params.get('days') || DEFAULT_DAYS,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    category: params.get('category') ?? '',
  };
  const level: Level = params.get('level') === 'city' && state.region === '33' ? 'city' : 'county';
  const interval: Interval = params.get('interval') === 'day' ? 'day' : 'week';
  const custom = state.days === 'custom';
  const end = custom && state.to ? state.to : today();
  const days = (PRESETS as readonly string[]).includes(state.days) ? Number(state.days) : Number(DEFAULT_DAYS);
  const filter: Filter = useMemo(
    () => ({ region: state.region, from: custom ? state.from : addDays(end, 1 - days), to: end, category: state.category }),
    [state.region, custom, state.from, end, days, state.category],
  );
  // Each group of panels follows the events that change it (a flag raised by a filing reloads only the flags).
  const [tick, reloadFigures] = useLiveTick({ complaints: (county) => !county || county.startsWith(filter.region) });
  const [flagTick, reloadFlags] = useLiveTick({ flags: true, cases: true });
  const [caseTick, reloadCases] = useLiveTick({ cases: true });
  const reload = () => [reloadFigures, reloadFlags, reloadCases].forEach((f) => f());
  const key = JSON.stringify(filter);
  const summary = usePanel((s) => getSummary(filter, s), key, tick);
  const map = usePanel((s) => getMap(filter, level, s), key + level, tick);
  const trend = usePanel((s) => getTimeseries(filter, interval, s), key + interval, tick);
  const hotspots = usePanel((s) => getHotspots(filter, level, HOTSPOT_ROWS, s), key + level, tick);
  const products = usePanel((s) => getTop('products', filter, s), key, tick);
  const merchants = usePanel((s) => getTop('merchants', filter, s), key, tick);
  const flags = usePanel((s) => listFlags({ status: 'open', limit: 6 }, s), '', flagTick);
  const cases = usePanel((s) => listCases({ limit: 20 }, s), '', caseTick);

  const set = (next: Record<string, string>) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        for (const [k, v] of Object.entries(next)) {
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      { replace: true },
    );

  const pickRegion = useCallback((code: string) => navigate(queueLink(filter, { region: code })), [navigate, filter]);
  const pickPeriod = useCallback(
    (period: string) => navigate(queueLink(filter, interval === 'day' ? { from: period, to: period } : weekDays(period))),
    [navigate, filter, interval],
  );

  const body = <T,>(p: Panel<T>, render: (data: T) => ReactNode) =>
    p.data ? render(p.data) : p.error ? <Alert tone="danger">{t('loadFailed', { message: p.error })}</Alert> : <Loading />;

  const panel = (title: string, children: ReactNode, extra?: ReactNode, className = '') => (
    <section className={`card dash-panel ${className}`}>
      <header className="dash-panel-head">
        <h2>{title}</h2>
        {extra}
      </header>
      {children}
    </section>
  );

  const toggle = (name: string, current: string, options: [string, string][]) => (
    <div className="dash-toggle" role="group">
      {options.map(([value, label]) => (
        <button
          key={value}
          type="button"
          className={current === value ? 'active' : ''}
          aria-pressed={current === value}
          onClick={() => set({ [name]: value })}
          data-testid={`${name}-${value}`}
        >
          {label}
        </button>
      ))}
    </div>
  );

  return (
    <Page
      testId="page-dashboard"
      title={t('title')}
      description={t('description')}
      actions={
        <div className="dash-actions">
          <Filters value={state} home={home} regions={regions} onChange={(next) => set(next as Record<string, string>)} />
          <span className="dash-live muted" data-testid="dashboard-updated">
            <span className="dash-live-dot" aria-hidden="true" />
            {summary.at && t('updatedAt', { time: formatTime(summary.at) })}
            <button className="button button-ghost" onClick={reload}>
              {t('refresh')}
            </button>
          </span>
        </div>
      }
    >
      <UrgentAlerts name={regions.name} />
      <div className="dash" data-testid="dashboard" data-total={summary.data?.total ?? ''}>
        {body(summary, (d) => (
          <SummaryFigures summary={d} filter={filter} />
        ))}
        <div className="dash-grid dash-grid-main">
          {panel(
            t('map.title'),
            body(map, (d) => (
              <>
                <ZhejiangMap region={filter.region} level={level} regions={d.regions} onPick={pickRegion} />
                <p className="muted dash-note">{t('map.hint')}</p>
              </>
            )),
            filter.region === '33' &&
              toggle('level', level, [
                ['city', t('map.city')],
                ['county', t('map.county')],
              ]),
          )}
          {panel(
            t('trend.title'),
            body(trend, (d) => <TrendChart points={d.points} interval={interval} partial={filter.to === today()} onPick={pickPeriod} />),
            toggle('interval', interval, [
              ['day', t('trend.day')],
              ['week', t('trend.week')],
            ]),
          )}
        </div>
        {panel(
          t('hotspots.title'),
          <>
            <p className="muted dash-note">{t('hotspots.hint')}</p>
            {body(hotspots, (d) => (
              <HotspotTable cells={d.cells} filter={filter} name={regions.name} />
            ))}
          </>,
          <a className="button button-ghost" href={exportUrl('hotspots', filter, { level })} download>
            {t('export')}
          </a>,
        )}
        <div className="dash-grid">
          {panel(
            t('top.products'),
            body(products, (d) => <TopList kind="products" items={d.items} filter={filter} />),
          )}
          {panel(
            t('top.merchants'),
            body(merchants, (d) => <TopList kind="merchants" items={d.items} filter={filter} />),
          )}
        </div>
        <div className="dash-grid">
          {panel(
            t('work.flags'),
            body(flags, (d) => <OpenFlags flags={d.items} />),
            <Link to="/flags">{t('work.allFlags')}</Link>,
          )}
          {panel(
            t('work.cases'),
            body(cases, (d) => <OpenCases cases={d.items.filter((c) => IN_PROGRESS.includes(c.status)).slice(0, 6)} />),
            <Link to="/cases">{t('work.allCases')}</Link>,
          )}
        </div>
      </div>
    </Page>
  );
}
