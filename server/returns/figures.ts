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

export function summarise(rows: FigureRow[]): Figures {
  let covered = 0,
    honored = 0,
    refused = 0,
    pending = 0,
    coveredHonored = 0,
    coveredDecided = 0,
    crossStore = 0,
    crossCity = 0,
    breaches = 0;
  const hours: number[] = [];
  for (const r of rows) {
    if (r.status === 'honored') {
      honored++;
      if (r.refundHours != null) hours.push(r.refundHours);
    } else if (r.status === 'refused') refused++;
    else pending++;
    if (r.covered) {
      covered++;
      if (r.status === 'honored') coveredHonored++;
      if (r.status !== 'pending' || r.breach) coveredDecided++;
    }
    if (r.crossStore) crossStore++;
    if (r.crossCity) crossCity++;
    if (r.breach) breaches++;
  }
  return {
    requests: rows.length,
    covered,
    honored,
    refused,
    pending,
    honorRate: ratio(coveredHonored, coveredDecided),
    crossStoreShare: ratio(crossStore, rows.length),
    crossCityShare: ratio(crossCity, rows.length),
    medianRefundHours: median(hours),
    breaches,
  };
}

export function groupBy<K extends string>(rows: FigureRow[], key: (r: FigureRow) => K): Map<K, FigureRow[]> {
  const m = new Map<K, FigureRow[]>();
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
