// Hotspots: complaints per region × category × week, each cell against its own baseline (the mean
// of its previous weeks; zero weeks count). The quarterly hotspot grids (rollup.ts, cellScope) cover
// the asked weeks and the baseline weeks before them.
import { HOTSPOT_LIMIT_MAX, HOTSPOT_RULE } from '../../shared/schemas/analytics.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { addDays, addWeeks, weekOfDay, weekRange } from '../../shared/weeks.js';
import { now } from '../clock.js';
import { hotspotCells, keptAnswers } from './weekCells.js';
import { poissonSurprise } from './poisson.js';

export interface HotspotInput {
  region: string;
  level: 'city' | 'county';
  from?: string;
  to?: string;
  category?: string;
  baselineWeeks: number;
}

/** A cell with no history is judged against a small floor: a first complaint is not a surprise. */
export function scoreCell(observed: number, expected: number) {
  const lambda = Math.max(expected, HOTSPOT_RULE.floor);
  const score = poissonSurprise(observed, lambda);
  const hotspot = observed >= HOTSPOT_RULE.minCount && observed >= HOTSPOT_RULE.ratio * lambda && score >= HOTSPOT_RULE.minScore;
  return { score, hotspot };
}

/** The weeks asked and the grids' cells from their first baseline week on, with the grids' versions. */
async function cellsOf(q: HotspotInput, keep = false) {
  const to = q.to ?? shanghaiDay(now());
  const from = q.from ?? addDays(to, -27);
  const weeks = weekRange(weekOfDay(from), weekOfDay(to));
  const first = addWeeks(weeks[0]!, -q.baselineWeeks);
  return { weeks, first, ...(await hotspotCells(first, weeks[weeks.length - 1]!, { regionPrefix: q.region, category: q.category }, keep)) };
}

function rank(q: HotspotInput, { weeks, first, cells: read }: Awaited<ReturnType<typeof cellsOf>>) {
  const counts = new Map<string, number>();
  for (const cell of read()) {
    const key = `${q.level === 'city' ? cell.county.slice(0, 4) : cell.county}|${cell.category}|${cell.week}`;
    counts.set(key, (counts.get(key) ?? 0) + cell.n);
  }
  // Every week read, in order, once: a cell's baseline weeks are the indexes before its own. Naming
  // them with addWeeks per cell (8 date conversions each) took 4 s for a province's 13,000 cells.
  const all = [...weekRange(first, addWeeks(weeks[0]!, -1)), ...weeks];
  const index = new Map(all.map((w, i) => [w, i]));
  const asked = new Set(weeks);
  const cells = [];
  for (const [key, n] of counts) {
    const [r, c, w] = key.split('|') as [string, string, string];
    if (!asked.has(w)) continue;
    const at = index.get(w)!;
    let sum = 0;
    for (let i = 1; i <= q.baselineWeeks; i++) sum += counts.get(`${r}|${c}|${all[at - i]!}`) ?? 0;
    const expected = Math.round((sum / q.baselineWeeks) * 100) / 100;
    cells.push({ regionCode: r, category: c, week: w, observed: n, expected, ...scoreCell(n, sum / q.baselineWeeks) });
  }
  cells.sort((a, b) => Number(b.hotspot) - Number(a.hotspot) || b.score - a.score || b.observed - a.observed);
  return { weeks, cells };
}

/** Every cell of the weeks asked, hotspots first, then by score and count (cells of equal rank in the grids' order). */
export async function hotspots(q: HotspotInput) {
  return rank(q, await cellsOf(q));
}

/** The first cells of recent answers, with the grids' versions they were ranked from. */
const firsts = keptAnswers<ReturnType<typeof rank>>(32);

/**
 * hotspots(q)'s first HOTSPOT_LIMIT_MAX cells (what a call with a `limit` can show). Ranked again only
 * when a grid changed since the same question was ranked: the grids are checked, not read
 * (readCountsKept), so an unchanged province answers from a few small reads at any size.
 */
export async function firstHotspots(q: HotspotInput) {
  const read = await cellsOf(q, true);
  const key = [q.region, q.level, q.category ?? '', q.baselineWeeks, read.weeks[0], read.weeks[read.weeks.length - 1]].join('|');
  return firsts(key, read.version, () => {
    const ranked = rank(q, read);
    return { weeks: ranked.weeks, cells: ranked.cells.slice(0, HOTSPOT_LIMIT_MAX) };
  });
}
