// The return review's figures (GET /api/compliance/returns) as a rollup in the count ledger, written
// with each request's changes (counts.ts): per city and for the province, one scope per Shanghai month
// of recording, one count per day × return county × merchant × return store × metric (figures.ts,
// metricsOf), refund hours as a histogram, so the median stays exact. A review of 90 days reads four
// month scopes of its city (a county its city's) or of the province, each a snapshot by _id and its
// unsealed deltas, and keeps the cells of its days and region: it read every return fact of the
// region's 90 days. A scope holds a key per day, store and metric with returns, and a refund-hours
// key per distinct value: it grows with the stores and days, and with the returns only through those.
import { cityOf, PROVINCE_CODE } from '../../shared/regions.js';
import { readCounts } from '../counts/ledger.js';
import { addMetric, emptyTally, metricsOf, type FigureRow, type Tally } from './figures.js';

type Counts = Record<string, number>;

/** What the rollup counts of a request. */
export type ReviewedReturn = Pick<
  FigureRow,
  'merchantId' | 'returnStoreId' | 'returnCountyCode' | 'day' | 'status' | 'breach' | 'covered' | 'crossStore' | 'crossCity' | 'refundHours'
>;

/** The rollup scope of a city's (or the province's) month. */
export const reviewScope = (region: string, month: string) => `returns:review:${region}:${month}`;

/** The scope a region's review reads: its city's, or the province's. */
const scopeRegion = (region: string) => (region.length <= 2 ? PROVINCE_CODE : cityOf(region));

/** The rollup counts of one request as it is now: `<day>|<county>|<merchant>|<store>|<metric>` (figures.ts, metricsOf). */
export function reviewCounts(r: ReviewedReturn): Counts {
  const cell = `${r.day}|${r.returnCountyCode}|${String(r.merchantId)}|${String(r.returnStoreId)}|`;
  return Object.fromEntries(metricsOf(r).map((m) => [cell + m, 1]));
}

/** What a change adds to the rollup of the request's city and of the province: the counts after it less those before. */
export function reviewDeltas(before: ReviewedReturn | null, after: ReviewedReturn): { scope: string; d: Counts }[] {
  const d: Counts = { ...reviewCounts(after) };
  if (before) for (const k of Object.keys(reviewCounts(before))) d[k] = (d[k] ?? 0) - 1;
  for (const k of Object.keys(d)) if (!d[k]) delete d[k];
  const month = after.day.slice(0, 7);
  return [cityOf(after.returnCountyCode), PROVINCE_CODE].map((region) => ({ scope: reviewScope(region, month), d }));
}

/** One day × county × merchant × store of the rollup. */
export interface ReviewCell {
  day: string;
  countyCode: string;
  merchantId: string;
  storeId: string;
  tally: Tally;
}

/** The months a period of days falls in. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7);) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The rollup's cells of a region (a province, city or county code) from day `from` to day `to`. */
export async function reviewCells(region: string, from: string, to: string): Promise<ReviewCell[]> {
  const scopes = await Promise.all(monthsOf(from, to).map((m) => readCounts(reviewScope(scopeRegion(region), m))));
  const cells = new Map<string, ReviewCell>();
  for (const counts of scopes)
    for (const [key, n] of Object.entries(counts)) {
      const [day, countyCode, merchantId, storeId, metric] = key.split('|') as [string, string, string, string, string];
      if (day < from || day > to || !countyCode.startsWith(region)) continue;
      const id = `${day}|${countyCode}|${merchantId}|${storeId}`;
      let cell = cells.get(id);
      if (!cell) cells.set(id, (cell = { day, countyCode, merchantId, storeId, tally: emptyTally() }));
      addMetric(cell.tally, metric, n);
    }
  return [...cells.values()];
}
