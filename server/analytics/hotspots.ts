// Hotspots: complaints per region × category × week, each cell against its own baseline (the mean
// of its previous weeks; zero weeks count). The quarterly hotspot grids (rollup.ts, cellScope) cover
// the asked weeks and the baseline weeks before them.
import { HOTSPOT_RULE } from '../../shared/schemas/analytics.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { addDays, addWeeks, weekOfDay, weekRange } from '../../shared/weeks.js';
import { now } from '../clock.js';
import { hotspotCells } from './weekCells.js';
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

export async function hotspots(q: HotspotInput) {
  const to = q.to ?? shanghaiDay(now());
  const from = q.from ?? addDays(to, -27);
  const weeks = weekRange(weekOfDay(from), weekOfDay(to));
  const first = addWeeks(weeks[0]!, -q.baselineWeeks);
  const counts = new Map<string, number>();
  for (const cell of await hotspotCells(first, weeks[weeks.length - 1]!, { regionPrefix: q.region, category: q.category })) {
    const key = `${q.level === 'city' ? cell.county.slice(0, 4) : cell.county}|${cell.category}|${cell.week}`;
    counts.set(key, (counts.get(key) ?? 0) + cell.n);
  }
  const rows = [...counts].map(([key, n]) => {
    const [r, c, w] = key.split('|') as [string, string, string];
    return { _id: { r, c, w }, n };
  });
  const asked = new Set(weeks);
  const cells = [];
  for (const { _id, n } of rows) {
    if (!asked.has(_id.w)) continue;
    let sum = 0;
    for (let i = 1; i <= q.baselineWeeks; i++) sum += counts.get(`${_id.r}|${_id.c}|${addWeeks(_id.w, -i)}`) ?? 0;
    const expected = Math.round((sum / q.baselineWeeks) * 100) / 100;
    cells.push({ regionCode: _id.r, category: _id.c, week: _id.w, observed: n, expected, ...scoreCell(n, sum / q.baselineWeeks) });
  }
  cells.sort((a, b) => Number(b.hotspot) - Number(a.hotspot) || b.score - a.score || b.observed - a.observed);
  return { weeks, cells };
}
