// Flag detection for one product: gathers its complaints and sampling results, applies the rules
// in force and keeps its one open flag in step. Runs on each complaint, after each import and
// on the schedule; all three may race, and the unique openKey insert decides who creates the flag.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ProductModel, type ProductRecord } from '../models/Product.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { IncidentModel } from '../models/Incident.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { currentRules } from '../products/flagRules.js';
import { evaluate, type FactIn } from '../products/rules.js';
import { announceFlag } from '../products/announce.js';
import { directFacts, factRows } from '../analytics/count.js';
import { productSnapshot } from './resolveProduct.js';
import { isoWeek } from '../../shared/calendar.js';
import { addWeeks } from '../../shared/weeks.js';
import { oneAtATime } from '../products/oneAtATime.js';
import { syncFlagEntries } from '../products/flagEntries.js';
import { firstWriter } from '../db/firstWriter.js';

const DAY_MS = 24 * 3600 * 1000;

/** Escalated: a rule fired that had not been announced, or the score grew by half since. */
function escalated(notified: { rules: string[]; score: number } | undefined, rules: string[], score: number): boolean {
  if (!notified) return true;
  return rules.some((r) => !notified.rules.includes(r)) || score >= notified.score * 1.5;
}

export async function detectForProduct(productId: string | mongoose.Types.ObjectId, at = now()) {
  const product = (await ProductModel.findById(productId).lean()) as ProductRecord | null;
  if (!product || product.mergedInto) return null;
  const { rules } = await currentRules();
  // Evidence a closed or dismissed flag already answered does not raise a new one.
  const cleared = product.flagClearedAt ? new Date(product.flagClearedAt).getTime() : 0;
  const widestDays = Math.max(
    rules.volume.windowDays,
    rules.spread.windowDays,
    rules.safety.windowDays,
    rules.sampling.windowYears * 366,
    (rules.spike.baselineWeeks + 2) * 7,
  );
  const from = new Date(Math.max(at.getTime() - widestDays * DAY_MS, cleared + 1));
  const factRows = await ComplaintFactModel.find(
    { productId: product._id, createdAt: { $gte: from, $lte: at } },
    { complaintId: 1, merchantId: 1, cityCode: 1, countyCode: 1, safety: 1, keyCategory: 1, createdAt: 1, week: 1 },
  ).lean();
  const facts: FactIn[] = factRows.map((f) => ({
    complaintId: String(f.complaintId),
    merchantId: String(f.merchantId),
    cityCode: f.cityCode,
    countyCode: f.countyCode,
    safety: !!f.safety,
    keyCategory: !!f.keyCategory,
    createdAt: new Date(f.createdAt),
    week: f.week,
  }));
  const samplingRows = await SamplingResultModel.find({
    productId: product._id,
    passed: false,
    importedAt: { $gt: new Date(cleared) },
  }).lean();
  const samplings = samplingRows.map((s) => ({
    id: String(s._id),
    passed: s.passed,
    sampledOn: s.sampledOn,
    batch: s.batch,
    authority: s.authority,
    failedItems: s.failedItems ?? [],
    regionCode: s.regionCode,
  }));
  // Reported incidents: one pushed-down equality on the product, the window checked here.
  const reports = (await IncidentModel.find({ productId: product._id }, { occurredAt: 1, countyCode: 1 }).lean())
    .filter((i) => new Date(i.occurredAt).getTime() > cleared)
    .map((i) => ({ id: String(i._id), occurredAt: new Date(i.occurredAt), countyCode: i.countyCode }));
  const result = evaluate(facts, samplings, rules, at, reports);

  const openKey = `open:${product._id}`;
  let flag = await ProductFlagModel.findOne({ openKey }).lean();
  if (!flag && result.rules.length === 0) return null;
  const reportedIn = reports.filter((r) => result.evidence.incidentIds.includes(r.id)).map((r) => r.countyCode);
  const regionCodes = [...new Set([...result.evidence.regionCodes, ...samplings.map((s) => s.regionCode), ...reportedIn])].sort();
  const fields = {
    product: productSnapshot(product),
    category: product.category,
    rules: result.rules,
    score: result.score,
    evidence: result.evidence,
    regionCodes,
  };
  if (!flag) {
    const doc = new ProductFlagModel({ ...fields, productId: product._id, openKey, status: 'open', raisedAt: at });
    if (await firstWriter(doc.save())) flag = doc.toObject();
    else {
      flag = await ProductFlagModel.findOne({ openKey }).lean();
      if (!flag) return null;
    }
  } else if (result.rules.length > 0) {
    // Evidence only grows the flag: rules that stop firing as complaints age stay recorded.
    const rulesUnion = [...new Set([...flag.rules, ...result.rules])];
    await ProductFlagModel.updateOne(
      { _id: flag._id },
      { $set: { ...fields, rules: rulesUnion, score: Math.max(result.score, flag.score) } },
    );
    flag = { ...flag, ...fields, rules: rulesUnion, score: Math.max(result.score, flag.score) };
  }
  const notified = flag.notified as { rules: string[]; score: number } | undefined;
  const announce = result.rules.length > 0 && escalated(notified, flag.rules, flag.score);
  const note = { rules: flag.rules, score: flag.score, at };
  if (announce) await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { notified: note } });
  // The flag's rows in the region lists (created or rewritten above, or by the run that created it),
  // before the announcement, whose live lists read them. A check that changes only the complaint ids
  // behind the counts rewrites no row (the rows carry the counts).
  if (result.rules.length > 0) await syncFlagEntries(flag._id);
  if (announce) await announceFlag({ ...flag, notified: note }, !notified);
  return flag;
}

/**
 * A product's check as of when it starts, one at a time per product in this process: each filing's
 * and the sweep's. A check reads the facts, then writes the flag whole: the hourly sweep, checking as
 * of its tick, wrote a flag without the complaints filed since over the filings' checks (the
 * filing-kill fault test saw the last 15 missing).
 */
export const checkProduct = oneAtATime((productId) => detectForProduct(productId));

/**
 * The scheduled sweep: only products that could fire a rule are examined, picked from one
 * projected read of the facts in the widest window, plus those with an open flag. Without `at`
 * (the sweep of a running server) each product is checked as of its check; with it (the seed of a
 * past world), as of then.
 */
export async function detectAll(asOf?: Date) {
  const at = asOf ?? now();
  const { rules } = await currentRules();
  const widest = Math.max(rules.volume.windowDays, rules.spread.windowDays, rules.safety.windowDays);
  const since = new Date(at.getTime() - widest * DAY_MS);
  const fields = ['productId', 'createdAt', 'safety', 'keyCategory', 'week'];
  const rows =
    (await directFacts(fields, since, at))?.filter((r) => r.productId != null) ??
    (await factRows({ createdAt: { $gte: since, $lte: at }, productId: { $exists: true, $ne: null } }, fields));
  const weeks = new Set([isoWeek(at), addWeeks(isoWeek(at), -1)]);
  const tally = new Map<string, { volume: number; spread: number; safety: number; week: Map<string, number> }>();
  for (const r of rows) {
    const id = String(r.productId);
    const t = tally.get(id) ?? { volume: 0, spread: 0, safety: 0, week: new Map<string, number>() };
    const age = (at.getTime() - new Date(r.createdAt as Date).getTime()) / DAY_MS;
    if (age <= rules.volume.windowDays) t.volume++;
    if (age <= rules.spread.windowDays) t.spread++;
    if (age <= rules.safety.windowDays && r.safety && r.keyCategory) t.safety++;
    if (weeks.has(String(r.week))) t.week.set(String(r.week), (t.week.get(String(r.week)) ?? 0) + 1);
    tally.set(id, t);
  }
  const ids = new Set<string>();
  for (const [id, t] of tally) {
    if (
      (rules.volume.enabled && t.volume >= rules.volume.complaints) ||
      (rules.spread.enabled && t.spread >= rules.spread.minComplaints) ||
      (rules.safety.enabled && t.safety > 0) ||
      (rules.spike.enabled && [...t.week.values()].some((n) => n >= rules.spike.minCount))
    )
      ids.add(id);
  }
  if (rules.sampling.enabled)
    for (const s of await SamplingResultModel.find({ passed: false }, { productId: 1 }).lean()) ids.add(String(s.productId));
  if (rules.safety.enabled) {
    const recent = new Date(at.getTime() - rules.safety.windowDays * DAY_MS);
    for (const i of await IncidentModel.find({ occurredAt: { $gte: recent } }, { productId: 1 }).lean()) ids.add(String(i.productId));
  }
  for (const f of await ProductFlagModel.find({ status: { $in: ['open', 'case_opened'] } }, { productId: 1 }).lean())
    ids.add(String(f.productId));
  let flagged = 0;
  for (const id of ids) if (await (asOf ? detectForProduct(id, asOf) : checkProduct(id))) flagged++;
  return { products: ids.size, flagged };
}
