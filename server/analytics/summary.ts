// Summary figures (API.md): total, by status, source-resolution rate (closed as `resolved` without
// the bureau / all closed), timely-response rate, median days to close, mean satisfaction.
// Summed here from the weekly figure rollups of the period (server/analytics/rollup.ts).
import { CLOSED_STATUSES } from '../../shared/enums.js';
import { weekMetrics } from './weekCells.js';
import { weeksOf } from './figures.js';

const CLOSED = CLOSED_STATUSES;

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** Median of a histogram of values (value → count). */
export function histogramMedian(hist: { value: number; n: number }[]): number | null {
  const sorted = hist.filter((h) => h.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const h of sorted) if ((seen += h.n) > k) return h.value;
    return sorted[sorted.length - 1]!.value;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** The figures of a region and period; with `keep` (the dashboard's calls), from week scopes kept between calls (weekMetrics). */
export async function summary(region: string, range: { from?: string; to?: string; category?: string }, keep = false) {
  const metrics = await weekMetrics(
    await weeksOf(range),
    { regionPrefix: region, category: range.category, fromDay: range.from, toDay: range.to },
    keep,
  );
  const byStatus: Record<string, number> = {};
  const days: { value: number; n: number }[] = [];
  for (const [metric, n] of metrics) {
    if (metric.startsWith('s:')) byStatus[metric.slice(2)] = n;
    else if (metric.startsWith('d:')) days.push({ value: Number(metric.slice(2)) / 10, n });
  }
  const get = (k: string) => metrics.get(k) ?? 0;
  const closed = [...CLOSED].reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  return {
    total: get('n'),
    byStatus,
    closed,
    // `resolved` follows only the merchant's answer, never the bureau: every one is source resolution.
    sourceResolutionRate: ratio(byStatus.resolved ?? 0, closed),
    timelyResponseRate: ratio(get('t:1'), get('t:1') + get('t:0')),
    medianDaysToClose: histogramMedian(days),
    satisfaction: get('satn') ? Math.round((get('sat') / get('satn')) * 100) / 100 : null,
  };
}
