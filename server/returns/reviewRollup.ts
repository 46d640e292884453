// The return review's figures (GET /api/compliance/returns) as a rollup in the count ledger, written
// with each request's changes (counts.ts): one scope per Shanghai month of recording, one count per
// day × return county × merchant × return store × metric, and each refund's hours as a histogram key,
// so the median stays exact. A review of 90 days reads four month scopes (each a snapshot by _id and
// its unsealed deltas), whatever the number of returns, and keeps the cells of its days and region:
// it read every return fact of the region's 90 days.
import { readCounts } from '../counts/ledger.js';
import { addMetric, emptyTally, metricsOf, type FigureRow, type Tally } from './figures.js';

type Counts = Record<string, number>;

/** What the rollup counts of a request. */
export type ReviewedReturn = Pick<
  FigureRow,
  'merchantId' | 'returnStoreId' | 'returnCountyCode' | 'day' | 'status' | 'breach' | 'covered' | 'crossStore' | 'crossCity' | 'refundHours'
>;

export const reviewScope = (month: string) => `returns:review:${month}`;

/** The rollup counts of one request as it is now: `<day>|<county>|<merchant>|<store>|<metric>` (figures.ts, metricsOf). */
export function reviewCounts(r: ReviewedReturn): Counts {
  const cell = `${r.day}|${r.returnCountyCode}|${String(r.merchantId)}|${String(r.returnStoreId)}|`;
  return Object.fromEntries(metricsOf(r).map((m) => [cell + m, 1]));
}

/** What a change adds to the rollup: the counts after it less those before. */
export function reviewDelta(before: ReviewedReturn | null, after: ReviewedReturn): { scope: string; d: Counts } {
  const d: Counts = { ...reviewCounts(after) };
  if (before) for (const k of Object.keys(reviewCounts(before))) d[k] = (d[k] ?? 0) - 1;
  for (const k of Object.keys(d)) if (!d[k]) delete d[k];
  return { scope: reviewScope(after.day.slice(0, 7)), d };
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
  const scopes = await Promise.all(monthsOf(from, to).map((m) => readCounts(reviewScope(m))));
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
