// Reads of the weekly figure rollups (server/analytics/rollup.ts): one ledger scope per week asked,
// each a snapshot read by _id plus its few unsealed deltas (an equality the engine pushes down), so a
// figure costs the weeks of its period whatever the number of complaints. Cells outside the region,
// category or day bounds are dropped here.
import { productCounts, figureScope, topScope, WEEKS_SCOPE, cellScope, quarterOf, type Dim, type ProductFact } from './rollup.js';
import { addDays, weekMonday } from '../../shared/weeks.js';
import { addDeltas, readCounts, tallyAdd, writeTally, type Tally } from '../counts/ledger.js';
import { now } from '../clock.js';

export type { Dim } from './rollup.js';

/**
 * Records the product top-list counts of new facts (a replayed fact adds nothing: the delta id is the
 * complaint's). Fresh complaints of a bulk seed (`bulk`) add theirs to its tally, else one delta row
 * per week for the whole batch.
 */
export async function recordProducts(facts: ProductFact[], opts: { bulk?: boolean; tally?: Tally } = {}): Promise<void> {
  if (!facts.length) return;
  const at = now();
  if (!opts.bulk) {
    return addDeltas(facts.flatMap((f) => [...productCounts(f)].map(([scope, d]) => ({ _id: `${scope}|${String(f._id)}`, scope, d, at }))));
  }
  const own: Tally = opts.tally ?? new Map();
  tallyProducts(facts, own);
  if (!opts.tally) await writeTally(own, String(facts[0]!._id), at);
}

/** The product top-list counts of fresh facts, added to a load's tally (pure: the seeder's workers run it). */
export function tallyProducts(facts: ProductFact[], tally: Tally): void {
  for (const f of facts) for (const [scope, d] of productCounts(f)) tallyAdd(tally, scope, d);
}

export interface CellFilter {
  regionPrefix: string;
  category?: string;
  fromDay?: string;
  toDay?: string;
}

export interface Cell {
  county: string;
  category: string;
  day: string;
  week: string;
  /** The metric counted (`n`: complaints filed; see rollup.ts). */
  metric: string;
  n: number;
}

/** The counts of these weeks' scopes, each key split into its cell and last part, inside the filter. */
async function read(weeks: string[], scopeOf: (week: string) => string, f: CellFilter): Promise<Cell[]> {
  const scopes = await Promise.all(weeks.map((w) => readCounts(scopeOf(w))));
  const out: Cell[] = [];
  scopes.forEach((counts, i) => {
    for (const [key, n] of Object.entries(counts)) {
      const [county, category, day, metric] = key.split('|') as [string, string, string, string];
      if (!county.startsWith(f.regionPrefix) || (f.category && category !== f.category)) continue;
      if ((f.fromDay && day < f.fromDay) || (f.toDay && day > f.toDay)) continue;
      out.push({ county, category, day, week: weeks[i]!, metric, n });
    }
  });
  return out;
}

/** Every figure metric per county × category × day of these weeks, inside the region and filter. */
export const weekMetrics = (weeks: string[], f: CellFilter) => read(weeks, figureScope, f);

/** Complaints filed per county × category × day of these weeks, inside the region and filter. */
export async function weekCells(weeks: string[], f: CellFilter): Promise<Cell[]> {
  return (await weekMetrics(weeks, f)).filter((c) => c.metric === 'n');
}

/** Complaints per merchant, store or product id in these weeks, inside the region and filter. */
export async function weekTops(weeks: string[], dim: Dim, f: CellFilter): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of await read(weeks, (w) => topScope(dim, w), f)) out.set(c.metric, (out.get(c.metric) ?? 0) + c.n);
  return out;
}

/** Every week that has complaints, in order. */
export async function knownWeeks(): Promise<string[]> {
  return Object.keys(await readCounts(WEEKS_SCOPE)).sort();
}

/** Complaints filed per county × category × week from `first` to `last`, inside the region and category: the quarters' hotspot grids. */
export async function hotspotCells(first: string, last: string, f: Pick<CellFilter, 'regionPrefix' | 'category'>) {
  const quarters = new Set<string>();
  for (let day = weekMonday(first); day <= addDays(weekMonday(last), 6); day = addDays(day, 28)) quarters.add(quarterOf(day));
  quarters.add(quarterOf(addDays(weekMonday(last), 6)));
  const out: { county: string; category: string; week: string; n: number }[] = [];
  for (const counts of await Promise.all([...quarters].map((q) => readCounts(cellScope(q))))) {
    for (const [key, n] of Object.entries(counts)) {
      const [county, category, week] = key.split('|') as [string, string, string];
      if (week < first || week > last || !county.startsWith(f.regionPrefix) || (f.category && category !== f.category)) continue;
      out.push({ county, category, week, n });
    }
  }
  return out;
}
