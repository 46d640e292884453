// Reads of the weekly figure rollups (server/analytics/rollup.ts): one ledger scope per week asked,
// each a snapshot read by _id plus its few unsealed deltas (an equality the engine pushes down), so a
// figure costs the weeks of its period whatever the number of complaints. Cells outside the region,
// category or day bounds are dropped here.
import {
  productCounts,
  figureScope,
  figureDayScope,
  totalScope,
  totalDayScope,
  topScope,
  topDayScope,
  storeScope,
  scopeRegion,
  WEEKS_SCOPE,
  cellScope,
  quarterOf,
  type Dim,
  type ProductFact,
} from './rollup.js';
import { addDays, weekMonday } from '../../shared/weeks.js';
import { addDeltas, readCounts, readCountsKept, tallyAdd, writeTally, type Tally } from '../counts/ledger.js';
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
  /** The county, or the province itself in the province's own counts (see rollup.ts). */
  county: string;
  category: string;
  /** The day, for a week read per day (its first or last of a period); '' for a whole week. */
  day: string;
  week: string;
  /** The metric counted (`n`: complaints filed; see rollup.ts). */
  metric: string;
  n: number;
}

/** Whether the filter's days cover the whole week (Monday to Sunday): then its week scope serves. */
function wholeWeek(week: string, f: CellFilter): boolean {
  const monday = weekMonday(week);
  return (!f.fromDay || f.fromDay <= monday) && (!f.toDay || f.toDay >= addDays(monday, 6));
}

const inside = (f: CellFilter, r: string, category: string, day: string) =>
  r.startsWith(f.regionPrefix) &&
  (!f.category || category === f.category) &&
  (!day || ((!f.fromDay || day >= f.fromDay) && (!f.toDay || day <= f.toDay)));

const readWhole = async (scope: string) => {
  const counts = await readCounts(scope);
  return { counts: () => counts, version: '' };
};

/**
 * The counts of a period, per week: a week the period covers whole reads its week scope (`<r>|<category>|<last>`),
 * an edge week its day scope (`<r>|<category>|<day>|<last>`), both of the region's scope region; each
 * key split into its cell and last part (the metric or id), inside the filter. Read whole or, with
 * `keep`, kept between calls (readCountsKept), with the scopes' versions.
 */
async function read(
  weeks: string[],
  weekScope: (region: string, w: string) => string,
  dayScope: (region: string, w: string) => string,
  f: CellFilter,
  keep = false,
) {
  const region = scopeRegion(f.regionPrefix);
  const whole = weeks.map((w) => wholeWeek(w, f));
  const scopes = await Promise.all(
    weeks.map((w, i) => (keep ? readCountsKept : readWhole)(whole[i] ? weekScope(region, w) : dayScope(region, w))),
  );
  const cells = () => {
    const out: Cell[] = [];
    scopes.forEach((scope, i) => {
      for (const [key, n] of Object.entries(scope.counts())) {
        const parts = key.split('|');
        // A week scope's daily filings (`<r>|<category>|<day>|n`) are the time series' (dailyFilings).
        if (parts.length !== (whole[i] ? 3 : 4)) continue;
        const [county, category] = parts as [string, string];
        const day = whole[i] ? '' : parts[2]!;
        if (!inside(f, county, category, day)) continue;
        out.push({ county, category, day, week: weeks[i]!, metric: parts[parts.length - 1]!, n });
      }
    });
    return out;
  };
  return { cells, version: scopes.map((s) => s.version).join(' ') };
}

/**
 * What `compute` made of kept scopes (readCountsKept) for recent questions, with the scopes' versions:
 * made again only when one changed, so an unchanged period costs its checks and no arithmetic.
 */
export function keptAnswers<T>(max: number) {
  const answers = new Map<string, { version: string; answer: T }>();
  return (question: string, version: string, compute: () => T): T => {
    const known = answers.get(question);
    if (known?.version === version) return known.answer;
    const answer = compute();
    answers.delete(question);
    answers.set(question, { version, answer });
    if (answers.size > max) answers.delete(answers.keys().next().value!);
    return answer;
  };
}

const question = (weeks: string[], f: CellFilter) =>
  [f.regionPrefix, f.category ?? '', f.fromDay ?? '', f.toDay ?? '', weeks[0] ?? '', weeks[weeks.length - 1] ?? ''].join('|');

/** Whether a scope region's own totals (rollup.ts `totalScope`) serve the filter: the province or a city itself, every category. */
const totalsServe = (f: CellFilter) => !f.category && scopeRegion(f.regionPrefix) === f.regionPrefix;

/**
 * The same from the region's totals: a metric as a cell of the region itself (category ''), the
 * filings of a county (`c:<county>`) as that county's `m`, as in the province's week scope.
 */
async function readTotals(weeks: string[], f: CellFilter): Promise<Cell[]> {
  const whole = weeks.map((w) => wholeWeek(w, f));
  const scopes = await Promise.all(
    weeks.map((w, i) => readCounts(whole[i] ? totalScope(f.regionPrefix, w) : totalDayScope(f.regionPrefix, w))),
  );
  const out: Cell[] = [];
  scopes.forEach((counts, i) => {
    for (const [key, n] of Object.entries(counts)) {
      const parts = key.split('|');
      // A week's daily filings (`<day>|n`) are the time series' (dailyFilings).
      if (parts.length !== (whole[i] ? 1 : 2)) continue;
      const day = whole[i] ? '' : parts[0]!;
      if (!inside(f, f.regionPrefix, '', day)) continue;
      const last = parts[parts.length - 1]!;
      const county = last.startsWith('c:') ? last.slice(2) : null;
      out.push({ county: county ?? f.regionPrefix, category: '', day, week: weeks[i]!, metric: county ? 'm' : last, n });
    }
  });
  return out;
}

/** Each metric's sum over cells (the summary's figures count no county, category or day apart). */
function sumMetrics(cells: Cell[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) if (c.metric !== 'm') out.set(c.metric, (out.get(c.metric) ?? 0) + c.n);
  return out;
}

// The sums, not the cells: a county's cells of a quarter are thousands of objects at 200k, kept 64 times over.
const metricsKept = keptAnswers<Map<string, number>>(64);

/**
 * Every figure metric of these weeks inside the region and filter, summed over its cells (the
 * province's own per-county filings, `m`, are the map's). With `keep`, a county's or a category's week
 * scopes (its city's or province's, thousands of keys a week at 200k) are kept between calls; a
 * region's own totals are small and read.
 */
export async function weekMetrics(weeks: string[], f: CellFilter, keep = false): Promise<ReadonlyMap<string, number>> {
  if (totalsServe(f)) return sumMetrics(await readTotals(weeks, f));
  const scopes = await read(weeks, figureScope, figureDayScope, f, keep);
  return keep ? metricsKept(question(weeks, f), scopes.version, () => sumMetrics(scopes.cells())) : sumMetrics(scopes.cells());
}

// Per county or per day: a county's filings of a period are a few hundred cells, its sums a few dozen numbers.
const filingsKept = keptAnswers<Map<string, number>>(64);

/**
 * Complaints filed per county of these weeks, inside the region and filter: the map. With `keep`, a
 * county's or a category's week scopes (its city's or province's, every county × category × metric,
 * thousands of keys a week at 200k) are kept between calls, as for the summary, and the sums with them.
 */
export async function weekFilings(weeks: string[], f: CellFilter, keep = false): Promise<ReadonlyMap<string, number>> {
  const sum = (cells: Cell[], metric: string) => {
    const out = new Map<string, number>();
    for (const c of cells) if (c.metric === metric) out.set(c.county, (out.get(c.county) ?? 0) + c.n);
    return out;
  };
  if (totalsServe(f)) return sum(await readTotals(weeks, f), 'm');
  const metric = f.regionPrefix.length <= 2 ? 'm' : 'n';
  const scopes = await read(weeks, figureScope, figureDayScope, f, keep);
  return keep ? filingsKept(`map|${question(weeks, f)}`, scopes.version, () => sum(scopes.cells(), metric)) : sum(scopes.cells(), metric);
}

/**
 * Complaints filed per day of these weeks (each day in its week), inside the region and filter: the
 * time series, from the week scopes only. With `keep`, as for the map.
 */
export async function dailyFilings(weeks: string[], f: CellFilter, keep = false): Promise<{ day: string; week: string; n: number }[]> {
  if (totalsServe(f)) {
    const scopes = await Promise.all(weeks.map((w) => readCounts(totalScope(f.regionPrefix, w))));
    return scopes.flatMap((counts, i) =>
      Object.entries(counts).flatMap(([key, n]) => {
        const [day, metric] = key.split('|');
        return metric === 'n' && inside(f, f.regionPrefix, '', day!) ? [{ day: day!, week: weeks[i]!, n }] : [];
      }),
    );
  }
  const region = scopeRegion(f.regionPrefix);
  const scopes = await Promise.all(weeks.map((w) => (keep ? readCountsKept : readWhole)(figureScope(region, w))));
  const perDay = () => {
    const out = new Map<string, number>();
    scopes.forEach((scope, i) => {
      for (const [key, n] of Object.entries(scope.counts())) {
        const parts = key.split('|');
        if (parts.length !== 4 || parts[3] !== 'n' || !inside(f, parts[0]!, parts[1]!, parts[2]!)) continue;
        const at = `${weeks[i]!}|${parts[2]!}`;
        out.set(at, (out.get(at) ?? 0) + n);
      }
    });
    return out;
  };
  const days = keep ? filingsKept(`days|${question(weeks, f)}`, scopes.map((s) => s.version).join(' '), perDay) : perDay();
  return [...days].map(([at, n]) => {
    const [week, day] = at.split('|') as [string, string];
    return { day, week, n };
  });
}

const topsKept = keptAnswers<Map<string, number>>(64);

/**
 * Complaints per merchant, store or product id in these weeks, inside the region and filter (a map of
 * the caller's own). With `keep`, the scopes (every category × id of the scope region, per day in the
 * edge weeks) are kept between calls and the sums with them.
 */
export async function weekTops(weeks: string[], dim: Dim, f: CellFilter, keep = false): Promise<Map<string, number>> {
  const scope = (kind: typeof topScope) => (region: string, w: string) => kind(dim, region, w);
  const scopes = await read(weeks, scope(topScope), scope(topDayScope), f, keep);
  const sum = () => {
    const out = new Map<string, number>();
    for (const c of scopes.cells()) out.set(c.metric, (out.get(c.metric) ?? 0) + c.n);
    return out;
  };
  // A copy of the kept sums: the caller moves merged products' counts in its map.
  return keep ? new Map(topsKept(`${dim}|${question(weeks, f)}`, scopes.version, sum)) : sum();
}

/** Complaints per store of a merchant filed from `from` to `to` (days): its quarters' store counts. */
export async function storeCounts(merchantId: string, from: string, to: string): Promise<Map<string, number>> {
  const quarters = new Set<string>();
  for (let day = from; day <= to; day = addDays(day, 28)) quarters.add(quarterOf(day));
  quarters.add(quarterOf(to));
  const out = new Map<string, number>();
  for (const counts of await Promise.all([...quarters].map((q) => readCounts(storeScope(merchantId, q))))) {
    for (const [key, n] of Object.entries(counts)) {
      const [day, store] = key.split('|') as [string, string];
      if (day >= from && day <= to) out.set(store, (out.get(store) ?? 0) + n);
    }
  }
  return out;
}

/** Every week that has complaints, in order. */
export async function knownWeeks(): Promise<string[]> {
  return Object.keys(await readCounts(WEEKS_SCOPE)).sort();
}

/**
 * Complaints filed per county × category × week from `first` to `last`, inside the region and category:
 * the quarters' hotspot grids of its scope region (a county's are its city's), read whole or, with
 * `keep`, kept between calls (readCountsKept) with their versions: the same versions, the same cells
 * in the same order.
 */
export async function hotspotCells(first: string, last: string, f: Pick<CellFilter, 'regionPrefix' | 'category'>, keep = false) {
  const quarters = new Set<string>();
  for (let day = weekMonday(first); day <= addDays(weekMonday(last), 6); day = addDays(day, 28)) quarters.add(quarterOf(day));
  quarters.add(quarterOf(addDays(weekMonday(last), 6)));
  const region = scopeRegion(f.regionPrefix);
  const grids = await Promise.all([...quarters].map((q) => (keep ? readCountsKept : readWhole)(cellScope(region, q))));
  const cells = () => {
    const out: { county: string; category: string; week: string; n: number }[] = [];
    for (const grid of grids) {
      for (const [key, n] of Object.entries(grid.counts())) {
        const [county, category, week] = key.split('|') as [string, string, string];
        if (week < first || week > last || !county.startsWith(f.regionPrefix) || (f.category && category !== f.category)) continue;
        out.push({ county, category, week, n });
      }
    }
    return out;
  };
  return { cells, version: grids.map((g) => g.version).join(' ') };
}
