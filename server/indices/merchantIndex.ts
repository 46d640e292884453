// A merchant's public indices, each with its numerator, its denominator and what it leaves out, read
// from the merchant's index counts (server/analytics/rollup.ts, merchantIndexCounts): one ledger scope
// per merchant, written with each change of a complaint, so a profile never scans complaints.
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { readCounts } from '../counts/ledger.js';
import { merchantIndexScope } from '../analytics/rollup.js';
import { histogramMedian } from '../analytics/summary.js';
import type { FigureSource } from '../presenters/merchant.js';

/** The indices cover the complaints filed in the current month and the five before it. */
export const INDEX_MONTHS = 6;

/** The first month (`YYYY-MM`) the indices count, at `at`. */
export function indexFromMonth(at = now()): string {
  const [y, m] = shanghaiDay(at).slice(0, 7).split('-').map(Number) as [number, number];
  const first = y * 12 + (m - 1) - (INDEX_MONTHS - 1);
  return `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`;
}

const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/** Sums a merchant's month-keyed counts from `from` on: metric → count. */
export function sumMonths(counts: Record<string, number>, from: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of Object.entries(counts)) {
    const cut = key.indexOf('|');
    if (key.slice(0, cut) < from) continue;
    const metric = key.slice(cut + 1);
    out.set(metric, (out.get(metric) ?? 0) + n);
  }
  return out;
}

/** The indices from summed counts; every rate comes with the counts it is made of. */
export function indicesOf(m: Map<string, number>) {
  const get = (k: string) => m.get(k) ?? 0;
  const days: { value: number; n: number }[] = [];
  for (const [k, n] of m) if (k.startsWith('dd:')) days.push({ value: Number(k.slice(3)), n });
  const closed = get('c');
  const decided = get('t:1') + get('t:0');
  const promisesDecided = get('pk') + get('pb');
  return {
    indexComplaints: get('n'),
    indexClosed: closed,
    // Resolved = resolved or mediated AND rated satisfied by the consumer, over every closed complaint.
    indexResolvedRated: get('rr'),
    indexResolvedUnrated: get('ru'),
    indexResolvedDissatisfied: get('rl'),
    indexResolutionRate: rate(get('rr'), closed),
    indexTimely: get('t:1'),
    indexTimelyDecided: decided,
    indexTimelyUndecided: get('n') - decided,
    indexTimelyRate: rate(get('t:1'), decided),
    indexPromisesKept: get('pk'),
    indexPromisesDecided: promisesDecided,
    indexPromisesPending: get('pp'),
    indexPromisesKeptRate: rate(get('pk'), promisesDecided),
    indexMedianDaysToClose: histogramMedian(days),
    indexClosedWithDays: days.reduce((s, d) => s + d.n, 0),
    indexRatings: get('satn'),
    indexSatisfaction: get('satn') ? Math.round((get('sat') / get('satn')) * 100) / 100 : null,
  };
}

export async function merchantIndices(merchantId: string, at = now()) {
  return indicesOf(sumMonths(await readCounts(merchantIndexScope(merchantId)), indexFromMonth(at)));
}

/** The public profile's indices (server/presenters/merchant.ts). */
export const indexFigures: FigureSource = async (merchantId) => ({ figures: await merchantIndices(merchantId) });
