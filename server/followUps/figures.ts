// A region's follow-up figures: open (waiting for the report or the re-sampling), overdue, escalated,
// closed and closed on time (by the re-sampling due date), and the re-sampling pass rate. One
// pushed-down equality read per region code under the region (server/products/visibility.ts), projected.
import type { FollowUpFigures } from '../../shared/schemas/followUps.js';
import { PROVINCE_CODE } from '../../shared/regions.js';
import { SamplingFollowUpModel } from '../models/SamplingFollowUp.js';
import { regionFor, type Actor } from '../policies/index.js';
import { codesUnder } from '../products/visibility.js';

const rate = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : null);

export async function followUpFigures(actor: Actor, asked?: string): Promise<FollowUpFigures> {
  const region = regionFor(actor, asked);
  const filters = region === PROVINCE_CODE ? [{}] : (await codesUnder(region)).map((code) => ({ regionCodes: code }));
  const fields = { status: 1, overdue: 1, caseId: 1, closedOnTime: 1, 'resampling.passed': 1 };
  const parts = await Promise.all(filters.map((f) => SamplingFollowUpModel.find(f, fields).lean()));
  const rows = [...new Map(parts.flat().map((r) => [String(r._id), r])).values()];
  const closed = rows.filter((r) => r.status === 'closed');
  const resampled = closed.filter((r) => typeof r.resampling?.passed === 'boolean');
  const passed = resampled.filter((r) => r.resampling!.passed).length;
  const onTime = closed.filter((r) => r.closedOnTime).length;
  return {
    region,
    open: rows.length - closed.length,
    overdue: rows.filter((r) => r.overdue && r.status !== 'closed').length,
    escalated: rows.filter((r) => !!r.caseId).length,
    closed: closed.length,
    closedOnTime: onTime,
    closedOnTimeRate: rate(onTime, closed.length),
    resampled: resampled.length,
    resamplingPassed: passed,
    resamplingPassRate: rate(passed, resampled.length),
  };
}
