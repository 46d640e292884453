// Summary figures (API.md): total, by status, source-resolution rate (closed as `resolved` without
// the bureau / all closed), timely-response rate, median days to close, mean satisfaction.
// One projected read of the complaint facts; the arithmetic is finished here.
import { factRows } from './count.js';

const CLOSED = new Set(['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn']);

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

export async function summary(match: Record<string, unknown>) {
  const rows = await factRows(match, ['status', 'regulatorInvolved', 'timelyResponse', 'satisfaction', 'daysToClose']);
  const byStatus: Record<string, number> = {};
  const days = new Map<number, number>();
  let closed = 0;
  let source = 0;
  let timely = 0;
  let timelyKnown = 0;
  let satSum = 0;
  let satN = 0;
  for (const r of rows) {
    const status = String(r.status);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (CLOSED.has(status)) {
      closed++;
      if (typeof r.daysToClose === 'number') days.set(r.daysToClose, (days.get(r.daysToClose) ?? 0) + 1);
    }
    if (status === 'resolved' && !r.regulatorInvolved) source++;
    if (r.timelyResponse === true || r.timelyResponse === false) {
      timelyKnown++;
      if (r.timelyResponse) timely++;
    }
    if (typeof r.satisfaction === 'number') {
      satSum += r.satisfaction;
      satN++;
    }
  }
  return {
    total: rows.length,
    byStatus,
    closed,
    sourceResolutionRate: ratio(source, closed),
    timelyResponseRate: ratio(timely, timelyKnown),
    medianDaysToClose: histogramMedian([...days].map(([value, n]) => ({ value, n }))),
    satisfaction: satN ? Math.round((satSum / satN) * 100) / 100 : null,
  };
}
