// Summary figures (API.md): total, by status, source-resolution rate (closed as `resolved` without
// the bureau / all closed), timely-response rate, median days to close, mean satisfaction.
// Two $group queries over the complaint facts; the arithmetic is finished here.
import { ComplaintFactModel } from '../models/ComplaintFact.js';

type Row = { _id: { s: string; r?: boolean; t?: boolean | null; sat?: number | null }; n: number };

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
  const rows = await ComplaintFactModel.aggregate<Row>([
    { $match: match },
    { $group: { _id: { s: '$status', r: '$regulatorInvolved', t: '$timelyResponse', sat: '$satisfaction' }, n: { $sum: 1 } } },
  ]);
  const byStatus: Record<string, number> = {};
  let total = 0;
  let closed = 0;
  let source = 0;
  let timely = 0;
  let timelyKnown = 0;
  let satSum = 0;
  let satN = 0;
  const CLOSED = new Set(['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn']);
  for (const { _id, n } of rows) {
    total += n;
    byStatus[_id.s] = (byStatus[_id.s] ?? 0) + n;
    if (CLOSED.has(_id.s)) closed += n;
    if (_id.s === 'resolved' && !_id.r) source += n;
    if (_id.t === true || _id.t === false) (timelyKnown += n), (timely += _id.t ? n : 0);
    if (typeof _id.sat === 'number') (satSum += _id.sat * n), (satN += n);
  }
  const days = await ComplaintFactModel.aggregate<{ _id: number; n: number }>([
    { $match: { ...match, closed: true } },
    { $group: { _id: '$daysToClose', n: { $sum: 1 } } },
  ]);
  return {
    total,
    byStatus,
    closed,
    sourceResolutionRate: ratio(source, closed),
    timelyResponseRate: ratio(timely, timelyKnown),
    medianDaysToClose: histogramMedian(days.filter((d) => typeof d._id === 'number').map((d) => ({ value: d._id, n: d.n }))),
    satisfaction: satN ? Math.round((satSum / satN) * 100) / 100 : null,
  };
}
