// The dashboard's figures as counts in the count ledger (server/counts/ledger.ts), one scope per ISO
// week of filing: a figure over a period reads one small snapshot per week (by _id) plus the last
// minute's deltas, so its cost follows the weeks asked, never the number of complaints. Derived purely
// from a complaint document (or its fact, for the product link): the list read model's writer adds the
// difference between a complaint's counts before and after each change (server/complaints/entries.ts),
// the bulk seeders add the counts of new complaints, and the rebuild recounts them.
import { CLOSED_STATUSES } from '../../shared/enums.js';

type Counts = Record<string, number>;
export type Dim = 'merchants' | 'stores' | 'products';

/**
 * The scopes a figure reads: the province's, or a city's (a county regulator reads its city's and
 * keeps its county's keys), so a city or county reads only its region's counts.
 */
export const scopeRegion = (region: string) => (region.length <= 2 ? region : region.slice(0, 4));
/**
 * Whole-week figures of a scope region: `<r>|<category>|<metric>` (metrics below) and the daily
 * filings `<r>|<category>|<day>|n` (the time series), where `<r>` is the province itself in the
 * province's scope and the county in a city's; the province's also holds `<county>|<category>|m`
 * (complaints filed, for its map).
 */
export const figureScope = (region: string, week: string) => `fw:${region}:${week}`;
/**
 * The same per day, `<r>|<category>|<day>|<metric>` (and the province's `<county>|<category>|<day>|m`):
 * read only for the first and last week of a period that starts or ends inside a week.
 */
export const figureDayScope = (region: string, week: string) => `fd:${region}:${week}`;
/**
 * A scope region's own figures of a week over every category, without the category or the county in
 * the key: the metrics (`n`, `s:<status>`, `t:1`…, as `<metric>`), the daily filings (`<day>|n`) and
 * the filings per county (`c:<county>`, the map). What the dashboard asks most (the province or a
 * city, no category) reads these: a few hundred keys a week whatever the number of complaints, where
 * the week scope above holds every county × category × metric (about 8,000 keys at 200k). The name
 * keeps the `fw:` kind, so whatever removes or recounts the week scopes does these too.
 */
export const totalScope = (region: string, week: string) => `fw:${region}:all:${week}`;
/** The same per day, `<day>|<metric>` and `<day>|c:<county>`: the edge weeks of a period. */
export const totalDayScope = (region: string, week: string) => `fd:${region}:all:${week}`;
/** `<r>|<category>|<id>` per scope region and week: complaints per merchant, store or product. */
export const topScope = (dim: Dim, region: string, week: string) => `tw:${dim}:${region}:${week}`;
/** The same per day, `<r>|<category>|<day>|<id>`: the edge weeks of a period. */
export const topDayScope = (dim: Dim, region: string, week: string) => `td:${dim}:${region}:${week}`;
/** `<day>|<storeId>` → complaints filed, per merchant and quarter of filing: the store pages' counts. */
export const storeScope = (merchantId: string, quarter: string) => `ms:${merchantId}:${quarter}`;
/** The scopes of weekly figures before per-region scopes (`fig:<week>`, `top:<dim>:<week>`), removed on migration. */
export const legacyScopes = (week: string) => [
  `fig:${week}`,
  ...(['merchants', 'stores', 'products'] as const).map((d) => `top:${d}:${week}`),
];
/** `<week>` → complaints filed that week: which weeks have any, for figures over all time. */
export const WEEKS_SCOPE = 'fig:weeks';
/**
 * `<county>|<category>|<week>` → complaints filed, per scope region and quarter of filing: the hotspot
 * grid. Hotspots over 13 weeks and their 8-week baseline read two or three of these instead of 21
 * weekly scopes holding every metric per day. A city's grid holds only its counties, so a city or
 * county officer reads about a tenth of the province's; the province's keeps the name it had when it
 * was the only grid (`cells:<quarter>`), the cities' got theirs from it once (migrateScopes.ts).
 */
export const cellScope = (region: string, quarter: string) => (region.length <= 2 ? `cells:${quarter}` : `cells:${region}:${quarter}`);
/** The quarter `YYYY-Qn` of a day `YYYY-MM-DD`. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** What the figures need of a complaint document. */
export interface FigureSource {
  _id: unknown;
  status: string;
  countyCode: string;
  merchantId: unknown;
  storeId: unknown;
  product?: { category?: string | null } | null;
  day?: string;
  week?: string;
  createdAt: Date | string;
  respondedAt?: Date | string | null;
  respondedInTime?: boolean | null;
  acceptedAt?: Date | string | null;
  closedAt?: Date | string | null;
  rating?: { satisfaction?: number } | null;
  remedy?: { status?: string } | null;
  cityCode?: string;
}

const BUREAU = new Set(['awaiting_regulator', 'in_mediation', 'mediated', 'mediation_failed', 'declined']);
const CLOSED = new Set<string>(CLOSED_STATUSES);
const DAY_MS = 24 * 3600 * 1000;

/** true: the merchant answered in time; false: it did not and the bureau has the complaint; null: not decided. */
export function timelyOf(c: FigureSource): boolean | null {
  if (typeof c.respondedInTime === 'boolean') return c.respondedInTime;
  return (BUREAU.has(c.status) || !!c.acceptedAt) && !c.respondedAt ? false : null;
}

/**
 * The metrics a complaint adds to its cell: `n` (filed), `s:<status>`, `t:1`/`t:0` (timely response
 * decided), `d:<tenths of days>` (days to close, for the median; keys may not hold a '.'), `sat` and `satn` (satisfaction sum
 * and count). `resolved` is reached only from the merchant's answer, never after the bureau, so the
 * source-resolution rate is `s:resolved` over the closed statuses.
 */
function metrics(c: FigureSource): Counts {
  const m: Counts = { n: 1, [`s:${c.status}`]: 1 };
  const timely = timelyOf(c);
  if (timely !== null) m[timely ? 't:1' : 't:0'] = 1;
  if (CLOSED.has(c.status) && c.closedAt)
    m[`d:${Math.round(((new Date(c.closedAt).getTime() - new Date(c.createdAt).getTime()) / DAY_MS) * 10)}`] = 1;
  const sat = c.rating?.satisfaction;
  if (typeof sat === 'number') Object.assign(m, { sat, satn: 1 });
  return m;
}

/** The scope regions a county counts in, each with the key prefix `<r>` it is counted under. */
function regionsOf(county: string): [scope: string, r: string][] {
  const province = county.slice(0, 2);
  return [
    [province, province],
    [county.slice(0, 4), county],
  ];
}

/** A scope's counts in a tally, made empty when it has none yet. */
export function countsAt(out: Map<string, Counts>, scope: string): Counts {
  let c = out.get(scope);
  if (!c) out.set(scope, (c = {}));
  return c;
}

const bump = (c: Counts, key: string, n: number) => {
  c[key] = (c[key] ?? 0) + n;
};

/** Adds per-week and per-day keys of one complaint (times `sign`) to its scope regions' week and day scopes. */
function addRegional(
  out: Map<string, Counts>,
  sign: number,
  county: string,
  category: string,
  day: string,
  weekScope: (region: string) => string,
  dayScope: (region: string) => string,
  tails: Counts,
) {
  for (const [region, r] of regionsOf(county)) {
    const w = countsAt(out, weekScope(region));
    const d = countsAt(out, dayScope(region));
    const wk = `${r}|${category}|`;
    const dk = `${wk}${day}|`;
    for (const tail in tails) {
      bump(w, wk + tail, sign * tails[tail]!);
      bump(d, dk + tail, sign * tails[tail]!);
    }
  }
}

/** The dashboard's figure counts of one complaint (fw/fd), without the top lists. */
function figureOnly(out: Map<string, Counts>, c: FigureSource, sign: number) {
  const category = c.product?.category ?? 'other';
  const week = c.week!;
  const day = c.day!;
  const m = metrics(c);
  addRegional(
    out,
    sign,
    c.countyCode,
    category,
    day,
    (r) => figureScope(r, week),
    (r) => figureDayScope(r, week),
    m,
  );
  const province = c.countyCode.slice(0, 2);
  bump(countsAt(out, figureScope(province, week)), `${c.countyCode}|${category}|m`, sign);
  bump(countsAt(out, figureDayScope(province, week)), `${c.countyCode}|${category}|${day}|m`, sign);
  for (const [region, r] of regionsOf(c.countyCode)) bump(countsAt(out, figureScope(region, week)), `${r}|${category}|${day}|n`, sign);
  for (const [region] of regionsOf(c.countyCode)) {
    const w = countsAt(out, totalScope(region, week));
    const d = countsAt(out, totalDayScope(region, week));
    bump(w, `${day}|n`, sign);
    bump(w, `c:${c.countyCode}`, sign);
    bump(d, `${day}|c:${c.countyCode}`, sign);
    for (const metric in m) {
      bump(w, metric, sign * m[metric]!);
      bump(d, `${day}|${metric}`, sign * m[metric]!);
    }
  }
}

/** A complaint's (or fact's) count in a top list, in its scope regions' week and day scopes. */
function topCounts(
  out: Map<string, Counts>,
  sign: number,
  dim: Dim,
  id: string,
  c: { countyCode: string; category?: string | null; day: string; week: string },
) {
  addRegional(
    out,
    sign,
    c.countyCode,
    c.category ?? 'other',
    c.day,
    (r) => topScope(dim, r, c.week),
    (r) => topDayScope(dim, r, c.week),
    { [id]: 1 },
  );
}

/** Adds one scope's counts (times `sign`) into a tally. */
function addScope(out: Map<string, Counts>, [scope, counts]: [string, Counts], sign: number) {
  const into = countsAt(out, scope);
  for (const k in counts) bump(into, k, sign * counts[k]!);
}

/** The dashboard's per-region figure, top-list and store counts of one complaint (what the migration recounts). */
export function regionalFigureCounts(c: FigureSource): Map<string, Counts> {
  const out = new Map<string, Counts>();
  addRegionalFigureCounts(out, c, 1);
  return out;
}

function addRegionalFigureCounts(out: Map<string, Counts>, c: FigureSource, sign: number) {
  if (!c.day || !c.week) return;
  figureOnly(out, c, sign);
  const at = { countyCode: c.countyCode, category: c.product?.category, day: c.day, week: c.week };
  topCounts(out, sign, 'merchants', String(c.merchantId), at);
  topCounts(out, sign, 'stores', String(c.storeId), at);
  if (c.merchantId) bump(countsAt(out, storeScope(String(c.merchantId), quarterOf(c.day))), `${c.day}|${String(c.storeId)}`, sign);
}

/**
 * Every ledger count a complaint adds, per scope, added (times `sign`) straight into `out`: a load's
 * tally, or a change's before and after, without a map per complaint between.
 */
export function addFigureCounts(out: Map<string, Counts>, c: FigureSource, sign = 1): void {
  addRegionalFigureCounts(out, c, sign);
  if (!c.day || !c.week) return;
  bump(countsAt(out, WEEKS_SCOPE), c.week, sign);
  for (const [region] of regionsOf(c.countyCode))
    addScope(out, hotspotCell(region, c.countyCode, c.product?.category, c.day, c.week), sign);
  if (c.merchantId) addScope(out, merchantIndexCounts(c), sign);
  if (c.merchantId) addScope(out, rankingCounts(c), sign);
}

/** `<month of filing>|<category>|<merchantId>` → complaints, one scope per city: the public rankings. */
export const rankingScope = (cityCode: string) => `rank:${cityCode}`;

export function rankingCounts(c: FigureSource): [string, Counts] {
  const city = c.cityCode ?? c.countyCode.slice(0, 4);
  return [rankingScope(city), { [`${c.day!.slice(0, 7)}|${c.product?.category ?? 'other'}|${String(c.merchantId)}`]: 1 }];
}

/**
 * A merchant's public indices, one scope per merchant: `<month of filing>|<metric>` (docs/indices.md).
 * Written with every change of the complaint like the figures above, so a profile reads one small
 * snapshot by _id instead of its complaints.
 */
export const merchantIndexScope = (merchantId: string) => `mi:${merchantId}`;

/** A rating at or above this counts a resolved or mediated close as resolved in the consumer's eyes. */
export const RESOLVED_MIN_SATISFACTION = 3;
/** Days to close are bucketed by whole day up to this; longer closes share the last bucket. */
export const DAYS_BUCKET_MAX = 120;

const PROMISE_OF: Record<string, string> = { promised: 'pp', fulfilled: 'pp', confirmed: 'pk', disputed: 'pb', overdue: 'pb' };

/**
 * The metrics: `n` filed, `c` closed, `rr` resolved or mediated and rated satisfied, `rl` resolved or
 * mediated but rated below that, `ru` resolved or mediated and not rated (never counted as resolved),
 * `t:1`/`t:0` timely response decided, `dd:<whole days>` days to close (the median's histogram),
 * `sat`/`satn` satisfaction sum and ratings, `pk`/`pb`/`pp` promises kept, broken, pending.
 */
export function merchantIndexCounts(c: FigureSource): [string, Counts] {
  const month = c.day!.slice(0, 7);
  const m: Counts = { n: 1 };
  const timely = timelyOf(c);
  if (timely !== null) m[timely ? 't:1' : 't:0'] = 1;
  const sat = c.rating?.satisfaction;
  if (typeof sat === 'number') Object.assign(m, { sat, satn: 1 });
  if (CLOSED.has(c.status)) {
    m.c = 1;
    if (c.status === 'resolved' || c.status === 'mediated')
      m[typeof sat !== 'number' ? 'ru' : sat >= RESOLVED_MIN_SATISFACTION ? 'rr' : 'rl'] = 1;
    if (c.closedAt) {
      const days = Math.floor((new Date(c.closedAt).getTime() - new Date(c.createdAt).getTime()) / DAY_MS);
      m[`dd:${Math.min(DAYS_BUCKET_MAX, Math.max(0, days))}`] = 1;
    }
  }
  const promise = c.remedy?.status ? PROMISE_OF[c.remedy.status] : undefined;
  if (promise) m[promise] = 1;
  const d: Counts = {};
  for (const [k, v] of Object.entries(m)) d[`${month}|${k}`] = v;
  return [merchantIndexScope(String(c.merchantId)), d];
}

/** A complaint's count in the hotspot grid of a scope region (the province or its city): the scope and cell. */
export function hotspotCell(
  region: string,
  county: string,
  category: string | null | undefined,
  day: string,
  week: string,
): [string, Counts] {
  return [cellScope(region, quarterOf(day)), { [`${county}|${category ?? 'other'}|${week}`]: 1 }];
}

/** The product link is known once the complaint's fact has resolved it (server/products/facts.ts). */
export interface ProductFact {
  _id: unknown;
  countyCode: string;
  category: string;
  day: string;
  week: string;
  productId?: unknown;
}

export function productCounts(f: ProductFact): Map<string, Counts> {
  const out = new Map<string, Counts>();
  if (f.productId) topCounts(out, 1, 'products', String(f.productId), f);
  return out;
}

/** Adds `more` (times `sign`) into `into`, scope by scope. */
export function addCounts(into: Map<string, Counts>, more: Map<string, Counts>, sign = 1): Map<string, Counts> {
  for (const [scope, counts] of more) {
    const d = into.get(scope) ?? {};
    for (const [k, v] of Object.entries(counts)) d[k] = (d[k] ?? 0) + sign * v;
    into.set(scope, d);
  }
  return into;
}
