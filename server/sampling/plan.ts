// A bureau's sampling plan as it reads and adjusts it: the rows the plan job wrote for its region and a
// quarter (server/sampling/riskPlan.ts), riskiest first, read by index; an adjustment is its own document
// (SamplingPlanAdjustment, which the job never writes) and a copy on the row (override, `planned`,
// `inPlan`), so the list stays an equality read.
import type { AdjustPlanInput, PlanItem, SamplingPlan } from '../../shared/schemas/samplingPlan.js';
import { now } from '../clock.js';
import { badRequest, notFound } from '../http/errors.js';
import { SamplingPlanAdjustmentModel } from '../models/SamplingPlanAdjustment.js';
import { SamplingPlanItemModel, type SamplingPlanItemRecord } from '../models/SamplingPlanItem.js';
import type { Actor } from '../policies/index.js';
import { countPlan, planTotals } from './totals.js';
import { adjustedRow, planItemId, quarterOf } from './riskPlan.js';
import { BAND } from './bands.js';
import { firstWriter } from '../db/firstWriter.js';

const CURSOR = /^\d{8}\|[0-9a-f]{24}$/;

export function presentPlanItem(r: SamplingPlanItemRecord): PlanItem {
  return {
    productId: String(r.productId),
    productName: r.productName,
    producer: r.producer ?? null,
    category: r.category as PlanItem['category'],
    keyCategory: r.keyCategory,
    score: r.score,
    tier: r.tier as PlanItem['tier'],
    evidence: r.evidence as PlanItem['evidence'],
    suggested: r.suggested,
    adjustment: (r.adjustment ?? null) as PlanItem['adjustment'],
    planned: r.planned,
    sampled: r.sampled ?? 0,
    passed: r.passed ?? 0,
    failed: r.failed ?? 0,
    failedItems: r.failedItems ?? [],
  };
}

/** The plan rows of the bureau's region and a quarter: `planned` ones or all, riskiest first (the export). */
export function planRowsQuery(region: string, quarter: string, show: 'planned' | 'all') {
  return SamplingPlanItemModel.find({ region, quarter, ...(show === 'planned' ? { inPlan: true } : {}) }).sort({ sk: -1 });
}

/** One band of those rows (server/sampling/bands.ts): at most BAND, riskiest first. */
export function planBandQuery(region: string, quarter: string, show: 'planned' | 'all', band: number) {
  return SamplingPlanItemModel.find({ region, quarter, ...(show === 'planned' ? { inPlan: true } : {}), band }).sort({ sk: -1 });
}

/**
 * A page of the plan: the bands from the cursor row's on, as many at once as the page still lacks rows
 * (a band of `planned` may hold fewer than BAND), until the page and one row more are read or the bands
 * run out. The bands' count follows from the totals' subjects; the cursor row's band is read by `_id`
 * (a row the job removed since: from the first band, its rows above the cursor skipped).
 */
async function planPage(region: string, quarter: string, q: { show: 'planned' | 'all'; limit: number; cursor?: string }, subjects: number) {
  const cursorRow = q.cursor
    ? await SamplingPlanItemModel.findById(planItemId(region, quarter, q.cursor.slice(9)), { band: 1 }).lean()
    : null;
  const bands = Math.ceil(subjects / BAND);
  const rows: SamplingPlanItemRecord[] = [];
  for (let b = cursorRow?.band ?? 0; b < bands && rows.length <= q.limit;) {
    const upto = Math.min(bands, b + Math.ceil((q.limit + 1 - rows.length) / BAND) + (q.cursor && !rows.length ? 1 : 0));
    const read = await Promise.all(
      Array.from({ length: upto - b }, (_, i) => planBandQuery(region, quarter, q.show, b + i).lean() as Promise<SamplingPlanItemRecord[]>),
    );
    rows.push(...read.flat().filter((r) => !q.cursor || r.sk < q.cursor));
    b = upto;
  }
  return rows.sort((a, b) => (a.sk < b.sk ? 1 : -1));
}

export async function readPlan(
  actor: Actor,
  q: { quarter?: string; show: 'planned' | 'all'; limit: number; cursor?: string },
): Promise<SamplingPlan> {
  if (q.cursor && !CURSOR.test(q.cursor)) throw badRequest('cursor is not valid');
  const region = actor.regionCode!;
  const quarter = q.quarter ?? quarterOf(now());
  const { subjects, planned, sampled, computedAt } = await planTotals(region, quarter);
  const rows = await planPage(region, quarter, q, subjects);
  const page = rows.slice(0, q.limit);
  return {
    region,
    quarter,
    computedAt: computedAt ? new Date(computedAt).toISOString() : null,
    totals: { subjects, planned, sampled, notSampled: planned - sampled },
    items: page.map(presentPlanItem),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.sk : null,
  };
}

/** Every row of the bureau's plan for the export (bounded by its region's subjects). */
export async function planExportRows(actor: Actor, quarter?: string): Promise<{ quarter: string; rows: SamplingPlanItemRecord[] }> {
  const q = quarter ?? quarterOf(now());
  return { quarter: q, rows: (await planRowsQuery(actor.regionCode!, q, 'planned').limit(5000).lean()) as SamplingPlanItemRecord[] };
}

/**
 * The bureau adds a subject of its region, removes one, sets its samplings, or takes back its change. The
 * adjustment document is written first (a reset deletes it first), then the row's copy: the plan job reads
 * the documents again after its own row writes (server/sampling/riskPlan.ts `settleAdjustments`), so
 * either the job sees this change or this row write comes after the job's and wins.
 */
export async function adjustPlan(actor: Actor, input: AdjustPlanInput): Promise<PlanItem> {
  const region = actor.regionCode!;
  const _id = planItemId(region, input.quarter, input.productId);
  const row = (await SamplingPlanItemModel.findById(_id).lean()) as SamplingPlanItemRecord | null;
  if (!row) throw notFound('Subject of your plan');
  const change: { override: number | null; adjustment: SamplingPlanItemRecord['adjustment'] } =
    input.action === 'remove'
      ? { override: 0, adjustment: 'removed' }
      : input.action === 'reset'
        ? { override: null, adjustment: null }
        : input.action === 'add'
          ? { override: Math.max(input.count ?? 1, 1), adjustment: 'added' }
          : { override: input.count!, adjustment: 'frequency' };
  if (change.adjustment === null) await SamplingPlanAdjustmentModel.deleteOne({ _id });
  else
    await SamplingPlanAdjustmentModel.replaceOne(
      { _id },
      { _id, region, quarter: input.quarter, productId: row.productId, ...change, by: actor.id, at: now() },
      { upsert: true },
    );
  const copy = adjustedRow(change.override, change.adjustment, row.suggested);
  const written = await SamplingPlanItemModel.updateOne({ _id }, { $set: copy });
  // The job removed the row (its inputs aged out) after this read: an adjusted subject stays, so it is put
  // back; an insert, as the job may be putting it back too (it read this adjustment).
  if (written.matchedCount === 0 && change.adjustment !== null && !(await firstWriter(SamplingPlanItemModel.create({ ...row, ...copy }))))
    await SamplingPlanItemModel.updateOne({ _id }, { $set: copy });
  await countPlan(region, input.quarter);
  return presentPlanItem({ ...row, ...copy });
}
