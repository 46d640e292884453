// Flag detection for one product: gathers its complaints and sampling results, applies the rules
// in force and keeps its one open flag in step. Runs on each complaint, after each import and
// on the schedule; all three may race, and the unique openKey insert decides who creates the flag.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { isDuplicateKey } from '../http/errors.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ProductModel, type ProductRecord } from '../models/Product.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { currentRules } from '../products/flagRules.js';
import { evaluate, type FactIn } from '../products/rules.js';
import { announceFlag } from '../products/announce.js';
import { productSnapshot } from './resolveProduct.js';

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
  const widestDays = Math.max(rules.volume.windowDays, rules.spread.windowDays, rules.safety.windowDays, rules.sampling.windowYears * 366, (rules.spike.baselineWeeks + 2) * 7);
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
  const samplingRows = await SamplingResultModel.find({ productId: product._id, passed: false, importedAt: { $gt: new Date(cleared) } }).lean();
  const samplings = samplingRows.map((s) => ({ id: String(s._id), passed: s.passed, sampledOn: s.sampledOn, batch: s.batch, authority: s.authority, failedItems: s.failedItems ?? [], regionCode: s.regionCode }));
  const result = evaluate(facts, samplings, rules, at);

  const openKey = `open:${product._id}`;
  let flag = await ProductFlagModel.findOne({ openKey }).lean();
  if (!flag && result.rules.length === 0) return null;
  const regionCodes = [...new Set([...result.evidence.regionCodes, ...samplings.map((s) => s.regionCode)])].sort();
  const fields = { product: productSnapshot(product), category: product.category, rules: result.rules, score: result.score, evidence: result.evidence, regionCodes };
  if (!flag) {
    try {
      flag = (await ProductFlagModel.create({ ...fields, productId: product._id, openKey, status: 'open', raisedAt: at })).toObject();
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      flag = await ProductFlagModel.findOne({ openKey }).lean();
      if (!flag) return null;
    }
  } else if (result.rules.length > 0) {
    // Evidence only grows the flag: rules that stop firing as complaints age stay recorded.
    const rulesUnion = [...new Set([...flag.rules, ...result.rules])];
    await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { ...fields, rules: rulesUnion, score: Math.max(result.score, flag.score) } });
    flag = { ...flag, ...fields, rules: rulesUnion, score: Math.max(result.score, flag.score) };
  }
  const notified = flag.notified as { rules: string[]; score: number } | undefined;
  if (result.rules.length > 0 && escalated(notified, flag.rules, flag.score)) {
    const note = { rules: flag.rules, score: flag.score, at };
    await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { notified: note } });
    await announceFlag({ ...flag, notified: note }, !notified);
  }
  return flag;
}

/** Every product with complaints in the widest window or failed samplings: the scheduled sweep. */
export async function detectAll(at = now()) {
  const { rules } = await currentRules();
  const days = Math.max(rules.volume.windowDays, rules.spread.windowDays, rules.safety.windowDays, (rules.spike.baselineWeeks + 2) * 7);
  const recent = await ComplaintFactModel.aggregate<{ _id: mongoose.Types.ObjectId }>([
    { $match: { createdAt: { $gte: new Date(at.getTime() - days * DAY_MS), $lte: at }, productId: { $exists: true } } },
    { $group: { _id: '$productId', n: { $sum: 1 } } },
  ]);
  const failed = await SamplingResultModel.aggregate<{ _id: mongoose.Types.ObjectId }>([{ $match: { passed: false } }, { $group: { _id: '$productId', n: { $sum: 1 } } }]);
  const ids = new Set([...recent, ...failed].filter((r) => r._id).map((r) => String(r._id)));
  let flagged = 0;
  for (const id of ids) if (await detectForProduct(id, at)) flagged++;
  return { products: ids.size, flagged };
}
