// The risk-based sampling plan (issue #12 item 4). A job scores every product that has a risk input —
// complaints and safety complaints of the last 365 days, an open flag, failed supervisory samplings of
// three years, incidents of the last 365 days, the worst credit tier of the merchants its complaints
// name — and writes, for each bureau whose region the product's inputs fall in, one plan row for the
// current quarter with the score, its evidence and the suggested samplings. High-risk subjects are
// sampled more often, a producer with samplings and no failure in three years less often (seed 000:
// 对三年内…监督抽查未发现产品质量不合格的生产销售单位适当降低抽查频次), and a key category of the
// provincial plan is always covered. Pages read the rows by index; nothing is scored on request.
import { isKeyCategory } from '../../shared/enums.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { regionChain, regionContains } from '../../shared/regions.js';
import type { RiskEvidence, RiskTier } from '../../shared/schemas/samplingPlan.js';
import { findByIds } from '../db/byIds.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { IncidentModel } from '../models/Incident.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductModel } from '../models/Product.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { SamplingPlanAdjustmentModel } from '../models/SamplingPlanAdjustment.js';
import { SamplingPlanItemModel, type SamplingPlanItemRecord } from '../models/SamplingPlanItem.js';
import { countPlan, totalsOfRows } from './totals.js';
import { rankBands } from './bands.js';
import mongoose from 'mongoose';
import { insertFresh, insertModels, readDirect } from '../db/directWrites.js';
import { directFacts } from '../analytics/count.js';
import { SamplingPlanTotalsModel } from '../models/SamplingPlanTotals.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { firstWriter } from '../db/firstWriter.js';

/** Points per risk input (docs/sampling-plan.md); the score is their sum. */
export const POINTS = {
  complaint: 2,
  safetyComplaint: 3,
  openFlag: 15,
  failedSampling: 20,
  incident: 10,
  seriousIncident: 10,
  credit: { A: 0, B: 5, C: 10, D: 20 } as Record<string, number>,
};
/** Score thresholds of the tiers, and the samplings each suggests in a quarter. */
export const TIER_AT = { high: 40, elevated: 15 };
export const SUGGESTED: Record<RiskTier, number> = { high: 2, elevated: 1, baseline: 1, clean: 0 };

const DAY = 24 * 3600 * 1000;
const TIERS = ['A', 'B', 'C', 'D'];

/** The Shanghai calendar quarter of an instant, as YYYY-Qn. */
export function quarterOf(at: Date): string {
  const day = shanghaiDay(at);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first and last Shanghai days of a quarter. */
export function quarterDays(quarter: string): { from: string; to: string } {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const first = String(q * 3 - 2).padStart(2, '0');
  const last = String(q * 3).padStart(2, '0');
  const lastDay = new Date(Date.UTC(Number(year), q * 3, 0)).getUTCDate();
  return { from: `${year}-${first}-01`, to: `${year}-${last}-${lastDay}` };
}

export const planItemId = (region: string, quarter: string, productId: string) => `${region}|${quarter}|${productId}`;
/** Highest score first: the score ×10 in 8 digits, then the product id. */
export const planSortKey = (score: number, productId: string) => `${String(Math.round(score * 10)).padStart(8, '0')}|${productId}`;

/** What one bureau plans for a row: the override when it adjusted, else the suggestion. */
export function plannedOf(row: { suggested: number; override?: number | null }): number {
  return row.override ?? row.suggested;
}

interface Inputs {
  complaints: number;
  safetyComplaints: number;
  merchants: Set<string>;
  openFlag: boolean;
  failed: number;
  passed: number;
  incidents: number;
  serious: number;
  regions: Set<string>;
  producer: string | null;
  /** This quarter's samplings: region, passed, failed items. */
  quarterSamplings: { regionCode: string; passed: boolean; failedItems: string[] }[];
}

/** The score, tier and evidence of one product (pure: the plan test computes the same by hand). */
export function scoreProduct(
  i: Omit<Inputs, 'regions' | 'quarterSamplings' | 'producer' | 'merchants'> & { creditTier: string | null; producerClean: boolean },
  keyCategory: boolean,
): { score: number; tier: RiskTier; evidence: RiskEvidence; suggested: number } {
  const points = {
    complaints: i.complaints * POINTS.complaint,
    safetyComplaints: i.safetyComplaints * POINTS.safetyComplaint,
    openFlag: i.openFlag ? POINTS.openFlag : 0,
    failedSamplings: i.failed * POINTS.failedSampling,
    incidents: i.incidents * POINTS.incident + i.serious * POINTS.seriousIncident,
    credit: i.creditTier ? (POINTS.credit[i.creditTier] ?? 0) : 0,
  };
  const score = Object.values(points).reduce((a, b) => a + b, 0);
  const tier: RiskTier = score >= TIER_AT.high ? 'high' : score >= TIER_AT.elevated ? 'elevated' : i.producerClean ? 'clean' : 'baseline';
  // A key category of the plans is always covered, however clean its producer.
  const suggested = Math.max(SUGGESTED[tier], keyCategory ? 1 : 0);
  return {
    score,
    tier,
    suggested,
    evidence: {
      complaints: i.complaints,
      safetyComplaints: i.safetyComplaints,
      openFlag: i.openFlag,
      failedSamplings: i.failed,
      passedSamplings: i.passed,
      incidents: i.incidents,
      seriousIncidents: i.serious,
      creditTier: (i.creditTier as RiskEvidence['creditTier']) ?? null,
      producerClean: i.producerClean,
      points,
    },
  };
}

/** This quarter's sampling figures of a row, from the product's samplings in the bureau's region. */
export function samplingFigures(rows: Inputs['quarterSamplings'], region: string) {
  const mine = rows.filter((r) => regionContains(region, r.regionCode));
  return {
    sampled: mine.length,
    passed: mine.filter((r) => r.passed).length,
    failed: mine.filter((r) => !r.passed).length,
    failedItems: [...new Set(mine.flatMap((r) => r.failedItems))],
    // The plan's sampled/not-sampled counts read this by equality.
    wasSampled: mine.length > 0,
  };
}

type Adjusted = { override: number | null; adjustment: SamplingPlanItemRecord['adjustment'] };
const UNADJUSTED: Adjusted = { override: null, adjustment: null };
/** A bureau's adjustment of one row as the plan row stores its copy. */
export const adjustedRow = (override: number | null, adjustment: Adjusted['adjustment'], suggested: number) => {
  const planned = plannedOf({ suggested, override });
  // `adjustmentApart`: this copy comes from a SamplingPlanAdjustment document (rows without it predate them).
  return { override, adjustment, planned, inPlan: planned > 0, adjustmentApart: true };
};

/** The bureau adjustments of a region's quarter (only `adjustPlan` writes them), by plan row id. */
async function adjustmentsOf(region: string, quarter: string): Promise<Map<string, Adjusted>> {
  const docs = await SamplingPlanAdjustmentModel.find({ region, quarter }, { override: 1, adjustment: 1 }).lean();
  return new Map(docs.map((d) => [d._id, { override: d.override, adjustment: d.adjustment }]));
}

/** The risk inputs of the year's facts (a seeder's straight from the table). */
async function yearOfFacts(
  since: Date,
): Promise<{ productId?: unknown; merchantId?: unknown; countyCode: string; safety?: boolean | null }[]> {
  const fields = ['productId', 'merchantId', 'countyCode', 'safety'];
  const direct = await directFacts(fields, since);
  if (direct) return direct as never;
  return ComplaintFactModel.find({ createdAt: { $gte: since } }, { productId: 1, merchantId: 1, countyCode: 1, safety: 1 }).lean();
}

/**
 * Scores every product with a risk input and rewrites the current quarter's plan rows of every bureau.
 * `afterRead` runs between a region's reads and its writes: the race test saves adjustments there (a plain
 * parameter, so the test drives the real interleaving without a timer). `fresh` is the demo seed's: no plan
 * rows or adjustments exist and nothing else writes them, so there is nothing to read, merge or settle,
 * and every row and total is inserted at once instead of a bulk upsert and four counts per bureau.
 */
export async function computeSamplingPlans(
  at: Date,
  afterRead?: (region: string) => Promise<void>,
  opts: { fresh?: boolean } = {},
): Promise<{ quarter: string; products: number; rows: number }> {
  const quarter = quarterOf(at);
  const { from, to } = quarterDays(quarter);
  const yearAgo = new Date(at.getTime() - 365 * DAY);
  const threeYearsAgo = shanghaiDay(new Date(at.getTime() - 3 * 365 * DAY));
  const inputs = new Map<string, Inputs>();
  const of = (id: unknown) => {
    const k = String(id);
    let v = inputs.get(k);
    if (!v) {
      v = {
        complaints: 0,
        safetyComplaints: 0,
        merchants: new Set(),
        openFlag: false,
        failed: 0,
        passed: 0,
        incidents: 0,
        serious: 0,
        regions: new Set(),
        producer: null,
        quarterSamplings: [],
      };
      inputs.set(k, v);
    }
    return v;
  };
  // A periodic job: each input collection is read once, by its time window.
  const [facts, samplings, incidents, flags, bureaus] = await Promise.all([
    yearOfFacts(yearAgo),
    SamplingResultModel.find(
      { sampledOn: { $gte: threeYearsAgo } },
      { productId: 1, producer: 1, passed: 1, regionCode: 1, sampledOn: 1, failedItems: 1 },
    ).lean(),
    IncidentModel.find({ occurredAt: { $gte: yearAgo } }, { productId: 1, severity: 1, countyCode: 1 }).lean(),
    ProductFlagModel.find({ status: { $in: ['open', 'case_opened'] } }, { productId: 1, regionCodes: 1 }).lean(),
    OrganizationModel.find({ kind: 'regulator' }, { regionCode: 1 }).lean(),
  ]);
  for (const f of facts) {
    if (!f.productId) continue;
    const v = of(f.productId);
    v.complaints++;
    if (f.safety) v.safetyComplaints++;
    if (f.merchantId) v.merchants.add(String(f.merchantId));
    v.regions.add(f.countyCode);
  }
  const producers = new Map<string, { passed: number; failed: number }>();
  for (const s of samplings) {
    const v = of(s.productId);
    if (s.passed) v.passed++;
    else v.failed++;
    v.producer ??= s.producer;
    v.regions.add(s.regionCode);
    const p = producers.get(s.producer) ?? { passed: 0, failed: 0 };
    if (s.passed) p.passed++;
    else p.failed++;
    producers.set(s.producer, p);
    if (s.sampledOn >= from && s.sampledOn <= to)
      v.quarterSamplings.push({ regionCode: s.regionCode, passed: s.passed, failedItems: s.failedItems ?? [] });
  }
  for (const i of incidents) {
    const v = of(i.productId);
    v.incidents++;
    if (i.severity === 'serious' || i.severity === 'fatal') v.serious++;
    v.regions.add(i.countyCode);
  }
  for (const f of flags) {
    const v = of(f.productId);
    v.openFlag = true;
    for (const r of f.regionCodes ?? []) v.regions.add(r);
  }
  // Whole, like the inputs above: the plan names most products and merchants, which one read by `_id`
  // each made 786 round trips in the demo seed (more at scale) instead of two reads.
  const merchantIds = new Set([...inputs.values()].flatMap((v) => [...v.merchants]));
  // The seed reads them straight from the tables (FerretDB would decode every whole document for these fields).
  const [productRows, creditRows] = await Promise.all([
    readDirect(ProductModel.collection, ['_id', 'name', 'category', 'producer']).then(
      (rows) => rows ?? ProductModel.find({}, { name: 1, category: 1, producer: 1 }).lean(),
    ),
    readDirect(MerchantCreditModel.collection, ['_id', 'tier']).then((rows) => rows ?? MerchantCreditModel.find({}, { tier: 1 }).lean()),
  ]);
  const products = new Map(
    (productRows as { _id: unknown; name: string; category: string; producer?: string | null }[])
      .filter((p) => inputs.has(String(p._id)))
      .map((p) => [String(p._id), p]),
  );
  const tiers = new Map(creditRows.filter((c) => merchantIds.has(String(c._id))).map((c) => [String(c._id), c.tier as string]));

  let rows = 0;
  const freshRows: { productId: string }[] = [];
  const freshTotals: object[] = [];
  for (const bureau of bureaus) {
    const region = bureau.regionCode;
    const [read, adjusted] = opts.fresh
      ? [[], new Map<string, Adjusted>()]
      : await Promise.all([
          SamplingPlanItemModel.find({ region, quarter }).lean() as Promise<SamplingPlanItemRecord[]>,
          adjustmentsOf(region, quarter),
        ]);
    const existing = new Map(read.map((r) => [r._id, r]));
    await backfillAdjustments(read, adjusted);
    await afterRead?.(region);
    const writes = [];
    // What this run wrote on each row: its suggestion, and the adjustment it copied.
    const wrote = new Map<string, Adjusted & { suggested: number }>();
    for (const [productId, v] of inputs) {
      const product = products.get(productId);
      if (!product || ![...v.regions].some((code) => regionContains(region, code))) continue;
      const producer = product.producer ?? v.producer;
      const record = producer ? producers.get(producer) : undefined;
      const worst = [...v.merchants]
        .map((m) => tiers.get(m))
        .reduce<string | null>((w, t) => (t && (!w || TIERS.indexOf(t) > TIERS.indexOf(w)) ? t : w), null);
      const keyCategory = isKeyCategory(product.category);
      const scored = scoreProduct(
        { ...v, creditTier: worst, producerClean: !!record && record.failed === 0 && record.passed > 0 },
        keyCategory,
      );
      const _id = planItemId(region, quarter, productId);
      const adj = adjusted.get(_id) ?? UNADJUSTED;
      wrote.set(_id, { ...adj, suggested: scored.suggested });
      writes.push({
        replaceOne: {
          filter: { _id },
          upsert: true,
          replacement: {
            _id,
            region,
            quarter,
            productId,
            productName: product.name,
            producer: producer ?? null,
            category: product.category,
            keyCategory,
            score: scored.score,
            tier: scored.tier,
            evidence: scored.evidence,
            suggested: scored.suggested,
            ...adjustedRow(adj.override, adj.adjustment, scored.suggested),
            sk: planSortKey(scored.score, productId),
            computedAt: at,
            ...samplingFigures(v.quarterSamplings, region),
          },
        },
      });
    }
    // Bands by rank over the rows the region keeps: those written now and the adjusted ones whose inputs aged out.
    const kept = [...existing.values()].filter((r) => !wrote.has(r._id) && adjusted.has(r._id));
    const bands = rankBands([...writes.map((w) => w.replaceOne.replacement), ...kept]);
    const banded = writes.map((w) => ({
      replaceOne: { ...w.replaceOne, replacement: { ...w.replaceOne.replacement, band: bands.get(w.replaceOne.replacement._id)! } },
    }));
    if (opts.fresh) {
      const replacements = banded.map((w) => w.replaceOne.replacement);
      freshRows.push(...replacements);
      freshTotals.push(totalsOfRows(region, quarter, replacements));
      rows += writes.length;
      continue;
    }
    await bulkWriteInChunks(SamplingPlanItemModel, [
      ...banded,
      ...kept
        .filter((r) => r.band !== bands.get(r._id))
        .map((r) => ({ updateOne: { filter: { _id: r._id }, update: { $set: { band: bands.get(r._id)! } } } })),
    ]);
    // A subject whose inputs all aged out leaves the plan, unless the bureau adjusted it.
    const gone = new Map([...existing.values()].filter((r) => !wrote.has(r._id) && !adjusted.has(r._id)).map((r) => [r._id, r]));
    if (gone.size) await SamplingPlanItemModel.deleteMany({ _id: { $in: [...gone.keys()] } });
    await settleAdjustments(region, quarter, wrote, gone);
    await countPlan(region, quarter);
    rows += writes.length;
  }
  // The rows are this function's own, built field by field to the schema (every default given): they go
  // in as stored, without mongoose's casting and validation of each of the thousands of them.
  if (opts.fresh)
    await Promise.all([
      insertFresh(
        SamplingPlanItemModel.collection,
        freshRows.map((r) => ({ ...r, productId: new mongoose.Types.ObjectId(r.productId), __v: 0 })),
      ),
      insertModels(SamplingPlanTotalsModel, freshTotals),
    ]);
  return { quarter, products: inputs.size, rows };
}

/**
 * Copies onto the rows any adjustment saved since the job read them, and puts back a removed row the
 * bureau adjusted meanwhile. `adjustPlan` writes the adjustment document before the row, and this re-read
 * comes after the job's row writes: an adjustment it misses was saved after them, so the bureau's own row
 * write lands later and wins. Each fix is followed by another read, for a change saved while it was written.
 */
async function settleAdjustments(
  region: string,
  quarter: string,
  wrote: Map<string, Adjusted & { suggested: number }>,
  gone: Map<string, SamplingPlanItemRecord>,
): Promise<void> {
  // Bounded: each further round needs the bureau to change the same region again during the previous one.
  for (let round = 0; round < 10; round++) {
    const adjusted = await adjustmentsOf(region, quarter);
    const fixes = [];
    for (const [_id, w] of wrote) {
      const a = adjusted.get(_id) ?? UNADJUSTED;
      if (a.override === w.override && a.adjustment === w.adjustment) continue;
      wrote.set(_id, { ...a, suggested: w.suggested });
      fixes.push({ updateOne: { filter: { _id }, update: { $set: adjustedRow(a.override, a.adjustment, w.suggested) } } });
    }
    for (const [_id, row] of gone) {
      const a = adjusted.get(_id);
      if (!a) continue;
      gone.delete(_id);
      wrote.set(_id, { ...a, suggested: row.suggested });
      const replacement = { ...row, ...adjustedRow(a.override, a.adjustment, row.suggested) };
      fixes.push({ replaceOne: { filter: { _id }, upsert: true, replacement } });
    }
    await bulkWriteInChunks(SamplingPlanItemModel, fixes);
  }
}

/**
 * Rows written before adjustments had their own documents carry the bureau's adjustment only on the row:
 * it gets its document once (an insert, so a document the bureau saved meanwhile wins). Only rows without
 * `adjustmentApart` qualify: on a newer row a missing document means the bureau reset it.
 */
async function backfillAdjustments(read: SamplingPlanItemRecord[], adjusted: Map<string, Adjusted>): Promise<void> {
  for (const r of read) {
    if (!r.adjustment || r.override == null || r.adjustmentApart || adjusted.has(r._id)) continue;
    const doc = {
      _id: r._id,
      region: r.region,
      quarter: r.quarter,
      productId: r.productId,
      override: r.override,
      adjustment: r.adjustment,
      at: r.computedAt,
    };
    if (await firstWriter(SamplingPlanAdjustmentModel.create(doc))) adjusted.set(r._id, { override: r.override, adjustment: r.adjustment });
  }
}

/** After an import: the plan rows of the imported products show their new samplings at once. */
export async function refreshSampled(resultIds: string[]): Promise<number> {
  const results = await findByIds<{ productId: unknown; regionCode: string; sampledOn: string }>(SamplingResultModel, resultIds, {
    productId: 1,
    regionCode: 1,
    sampledOn: 1,
  });
  const keys = new Set<string>();
  for (const r of results) {
    const quarter = quarterOf(new Date(`${r.sampledOn}T04:00:00Z`));
    for (const region of regionChain(r.regionCode)) keys.add(planItemId(region, quarter, String(r.productId)));
  }
  let updated = 0;
  const counted = new Set<string>();
  for (const _id of keys) {
    const [region, quarter, productId] = _id.split('|') as [string, string, string];
    if (!(await SamplingPlanItemModel.exists({ _id }))) continue;
    const { from, to } = quarterDays(quarter);
    const rows = (await SamplingResultModel.find({ productId }, { regionCode: 1, passed: 1, failedItems: 1, sampledOn: 1 }).lean())
      .filter((s) => s.sampledOn >= from && s.sampledOn <= to)
      .map((s) => ({ regionCode: s.regionCode, passed: s.passed, failedItems: s.failedItems ?? [] }));
    await SamplingPlanItemModel.updateOne({ _id }, { $set: samplingFigures(rows, region) });
    counted.add(`${region}|${quarter}`);
    updated++;
  }
  for (const key of counted) await countPlan(...(key.split('|') as [string, string]));
  return updated;
}
