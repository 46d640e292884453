// A plan's totals, counted once per change instead of on every read of the plan page.
import { now } from '../clock.js';
import { SamplingPlanItemModel, type SamplingPlanItemRecord } from '../models/SamplingPlanItem.js';
import { SamplingPlanTotalsModel, type SamplingPlanTotalsRecord } from '../models/SamplingPlanTotals.js';

/**
 * Counts the plan of a region and quarter and stores the figures. Two counts racing store in either order;
 * each runs after the write it follows, so the last to finish has seen every write before it began.
 */
export async function countPlan(region: string, quarter: string): Promise<SamplingPlanTotalsRecord> {
  const totals = await tally(region, quarter);
  await SamplingPlanTotalsModel.replaceOne({ _id: totals._id }, totals, { upsert: true });
  return totals;
}

type Counted = Pick<SamplingPlanItemRecord, 'inPlan' | 'wasSampled' | 'sk' | 'computedAt'>;

/** The same figures as `countPlan` stores, from a region's quarter of rows in hand (the seed's plan). */
export function totalsOfRows(region: string, quarter: string, rows: Counted[]): SamplingPlanTotalsRecord {
  const last = rows.reduce<Counted | null>((a, r) => (!a || r.sk > a.sk ? r : a), null);
  return {
    _id: `${region}|${quarter}`,
    subjects: rows.length,
    planned: rows.filter((r) => r.inPlan).length,
    sampled: rows.filter((r) => r.inPlan && r.wasSampled).length,
    computedAt: last?.computedAt ?? null,
    countedAt: now(),
  };
}

async function tally(region: string, quarter: string): Promise<SamplingPlanTotalsRecord> {
  const [subjects, planned, sampled, last] = await Promise.all([
    SamplingPlanItemModel.countDocuments({ region, quarter }),
    SamplingPlanItemModel.countDocuments({ region, quarter, inPlan: true }),
    SamplingPlanItemModel.countDocuments({ region, quarter, inPlan: true, wasSampled: true }),
    SamplingPlanItemModel.findOne({ region, quarter }, { computedAt: 1 }).sort({ sk: -1 }).lean(),
  ]);
  return { _id: `${region}|${quarter}`, subjects, planned, sampled, computedAt: last?.computedAt ?? null, countedAt: now() };
}

/**
 * The stored totals, or counted now without storing them when none are (a quarter the job has not
 * reached): a read never writes.
 */
export async function planTotals(region: string, quarter: string): Promise<SamplingPlanTotalsRecord> {
  return (await SamplingPlanTotalsModel.findById(`${region}|${quarter}`).lean()) ?? tally(region, quarter);
}
