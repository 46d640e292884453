// Return figures, computed in code from projected rows: the portable aggregation subset has no
// median and no $lookup, and a period's rows for one region are few enough to fold here.
import { ReturnFactModel } from '../models/ReturnFact.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { weekOfDay, weekRange } from '../../shared/weeks.js';
import { now } from '../clock.js';
import type { ReturnAnalytics, ReturnFigures } from '../../shared/schemas/returns.js';

export interface FigureRow {
  _id: unknown;
  merchantId: unknown;
  merchantName: string;
  returnStoreId: unknown;
  returnStoreName: string;
  returnCountyCode: string;
  returnCityCode: string;
  covered: boolean;
  status: string;
  breach: boolean;
  breachKind?: string | null;
  crossStore: boolean;
  crossCity: boolean;
  refundHours?: number | null;
  refusalReason?: string | null;
  complaintId?: unknown;
  day: string;
  week: string;
}

export type Figures = ReturnFigures;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/**
 * What a request counts for in the figures: `n`, its status (`hon`, `ref`, `pen`), covered (`cov`),
 * covered and honoured (`ch`), covered and decided (`cd`: honoured, refused, or overdue), cross-store
 * (`xs`), cross-city (`xc`), breach (`br`), and a refund's hours in hundredths (`h:<n>`, as stored:
 * the median is exact). The same names are the review rollup's counts (reviewRollup.ts).
 */
export function metricsOf(r: Pick<FigureRow, 'status' | 'covered' | 'breach' | 'crossStore' | 'crossCity' | 'refundHours'>): string[] {
  const metrics = ['n', r.status === 'honored' ? 'hon' : r.status === 'refused' ? 'ref' : 'pen'];
  if (r.status === 'honored' && r.refundHours != null) metrics.push(`h:${Math.round(r.refundHours * 100)}`);
  if (r.covered) {
    metrics.push('cov');
    if (r.status === 'honored') metrics.push('ch');
    if (r.status !== 'pending' || r.breach) metrics.push('cd');
  }
  if (r.crossStore) metrics.push('xs');
  if (r.crossCity) metrics.push('xc');
  if (r.breach) metrics.push('br');
  return metrics;
}

const COUNTS = ['n', 'hon', 'ref', 'pen', 'cov', 'ch', 'cd', 'xs', 'xc', 'br'] as const;

/** The summed metrics of some requests, refund hours as a histogram. */
export type Tally = Record<(typeof COUNTS)[number], number> & { hours: Map<number, number> };

export const emptyTally = (): Tally => ({
  ...(Object.fromEntries(COUNTS.map((k) => [k, 0])) as Record<(typeof COUNTS)[number], number>),
  hours: new Map(),
});

export function addMetric(t: Tally, metric: string, n: number): void {
  if (metric.startsWith('h:')) {
    const hours = Number(metric.slice(2)) / 100;
    t.hours.set(hours, (t.hours.get(hours) ?? 0) + n);
  } else t[metric as (typeof COUNTS)[number]] += n;
}

export function addTally(into: Tally, t: Tally): Tally {
  for (const k of COUNTS) into[k] += t[k];
  for (const [h, n] of t.hours) into.hours.set(h, (into.hours.get(h) ?? 0) + n);
  return into;
}

export function tallyFigures(t: Tally): Figures {
  return {
    requests: t.n,
    covered: t.cov,
    honored: t.hon,
    refused: t.ref,
    pending: t.pen,
    honorRate: ratio(t.ch, t.cd),
    crossStoreShare: ratio(t.xs, t.n),
    crossCityShare: ratio(t.xc, t.n),
    medianRefundHours: median([...t.hours].flatMap(([h, n]) => Array<number>(n).fill(h))),
    breaches: t.br,
  };
}

export function summarise(rows: FigureRow[]): Figures {
  const t = emptyTally();
  for (const r of rows) for (const m of metricsOf(r)) addMetric(t, m, 1);
  return tallyFigures(t);
}

export function groupBy<T, K extends string>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export interface RowFilter {
  merchantId?: string;
  storeId?: string;
  /** Province, city or county code of the return store. */
  region?: string;
  from?: string;
  to?: string;
}

/**
 * The facts of the selection. A day range is no condition the engine pushes down, so a period is read
 * week by week, each an equality on the fact's `week` beside the selection's own (the rows read follow
 * the period, not every return of the merchant or region), and its first and last days trimmed here.
 */
export async function loadRows(f: RowFilter): Promise<FigureRow[]> {
  const q: Record<string, unknown> = {};
  if (f.merchantId) q.merchantId = f.merchantId;
  if (f.storeId) q.returnStoreId = f.storeId;
  if (f.region?.length === 6) q.returnCountyCode = f.region;
  else if (f.region?.length === 4) q.returnCityCode = f.region;
  const inPeriod = (r: FigureRow) => (!f.from || r.day >= f.from) && (!f.to || r.day <= f.to);
  if (!f.from) return ((await ReturnFactModel.find(q).lean()) as unknown as FigureRow[]).filter(inPeriod);
  const weeks = weekRange(weekOfDay(f.from), weekOfDay(f.to ?? shanghaiDay(now())));
  const parts = await Promise.all(weeks.map((week) => ReturnFactModel.find({ ...q, week }).lean()));
  return (parts.flat() as unknown as FigureRow[]).filter(inPeriod);
}

/** Figures of the whole selection and its breakdowns per merchant, store, city and county. */
export function breakdown(rows: FigureRow[]): Omit<ReturnAnalytics, 'filter'> {
  const by = <K extends string, L extends Record<string, string>>(key: (r: FigureRow) => K, label: (r: FigureRow) => L) =>
    [...groupBy(rows, key)].map(([, list]) => ({ ...label(list[0]!), ...summarise(list) })).sort((a, b) => b.requests - a.requests);
  return {
    ...summarise(rows),
    byMerchant: by(
      (r) => String(r.merchantId),
      (r) => ({ merchantId: String(r.merchantId), merchantName: r.merchantName }),
    ),
    byStore: by(
      (r) => String(r.returnStoreId),
      (r) => ({
        storeId: String(r.returnStoreId),
        storeName: r.returnStoreName,
        merchantId: String(r.merchantId),
        countyCode: r.returnCountyCode,
        cityCode: r.returnCityCode,
      }),
    ),
    byCity: by(
      (r) => r.returnCityCode,
      (r) => ({ cityCode: r.returnCityCode }),
    ),
    byCounty: by(
      (r) => r.returnCountyCode,
      (r) => ({ countyCode: r.returnCountyCode, cityCode: r.returnCityCode }),
    ),
  };
}
