// Merchant credit tier A–D from the last 180 days of complaint facts (rate per store, timely
// response, resolution), return breaches (return_refused complaints: a breach opens one) and
// enforcement cases on products the merchant sold. Shown on the public profile with the figures.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { directFacts, factRows } from '../analytics/count.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { StoreModel } from '../models/Store.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { RESOLVED_MIN_SATISFACTION } from '../analytics/rollup.js';
import type { FigureSource } from '../presenters/merchant.js';
import { CREDIT_WINDOW_DAYS, type creditCountsSchema } from '../../shared/schemas/credit.js';
import type { z } from 'zod';
import { CreditContestModel } from '../models/CreditContest.js';
import { syncMerchantRows } from '../stores/merchantRows.js';

const WINDOW_DAYS = CREDIT_WINDOW_DAYS;
export type Tier = 'A' | 'B' | 'C' | 'D';

export interface ScoreInputs {
  complaints: number;
  stores: number;
  timely: number;
  timelyKnown: number;
  resolved: number;
  closed: number;
  breaches: number;
  cases: number;
}

export interface CreditInputs extends ScoreInputs {
  resolvedUnrated: number;
  promisesKept: number;
  promisesBroken: number;
  promisesPending: number;
}

/** 100 points less deductions, each capped so one weakness alone cannot make a D. */
export function creditScore(x: ScoreInputs): { score: number; tier: Tier } {
  const perStoreMonthly = x.complaints / Math.max(1, x.stores) / (WINDOW_DAYS / 30);
  let score = 100;
  score -= Math.min(25, perStoreMonthly * 5);
  if (x.timelyKnown) score -= 25 * (1 - x.timely / x.timelyKnown);
  if (x.closed) score -= 20 * (1 - x.resolved / x.closed);
  score -= Math.min(15, x.breaches * 3);
  score -= Math.min(20, x.cases * 10);
  score = Math.round(score * 10) / 10;
  return { score, tier: score >= 85 ? 'A' : score >= 70 ? 'B' : score >= 55 ? 'C' : 'D' };
}

function empty(stores: number): CreditInputs {
  return {
    complaints: 0,
    stores,
    timely: 0,
    timelyKnown: 0,
    resolved: 0,
    resolvedUnrated: 0,
    closed: 0,
    breaches: 0,
    cases: 0,
    promisesKept: 0,
    promisesBroken: 0,
    promisesPending: 0,
  };
}

export type Counts = z.infer<typeof creditCountsSchema>;

/** What one complaint's fact adds to the figures: the credit tier and the merchant's inputs page read it alike. */
export function countsOf(r: Record<string, unknown>): Counts {
  const status = String(r.status);
  const timely = r.timelyResponse === true || r.timelyResponse === false ? r.timelyResponse : null;
  let resolution: Counts['resolution'] = CLOSED.includes(status) ? 'unresolved' : 'open';
  // Resolved only when the consumer rated it satisfied: an unrated close is not counted as resolved.
  if (status === 'resolved' || status === 'mediated') {
    if (typeof r.satisfaction !== 'number') resolution = 'unrated';
    else resolution = r.satisfaction >= RESOLVED_MIN_SATISFACTION ? 'resolved' : 'dissatisfied';
  }
  const promise = r.promise === 'kept' || r.promise === 'broken' || r.promise === 'pending' ? r.promise : null;
  return { complaint: true, timely, resolution, breach: r.problemType === 'return_refused', promise };
}

function add(x: CreditInputs, r: Record<string, unknown>) {
  const c = countsOf(r);
  x.complaints++;
  if (c.timely !== null) {
    x.timelyKnown++;
    if (c.timely) x.timely++;
  }
  if (c.resolution !== 'open') x.closed++;
  if (c.resolution === 'unrated') x.resolvedUnrated++;
  if (c.resolution === 'resolved') x.resolved++;
  if (c.breach) x.breaches++;
  if (c.promise === 'kept') x.promisesKept++;
  if (c.promise === 'broken') x.promisesBroken++;
  if (c.promise === 'pending') x.promisesPending++;
}

const FACT_FIELDS = ['status', 'timelyResponse', 'problemType', 'promise', 'satisfaction'];
const CLOSED = ['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn'];
const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

function present(x: CreditInputs) {
  const { score, tier } = creditScore(x);
  return {
    creditTier: tier,
    figures: {
      creditScore: score,
      complaints180d: x.complaints,
      complaintsPerStore: Math.round((x.complaints / Math.max(1, x.stores)) * 10) / 10,
      timelyResponseRate180d: rate(x.timely, x.timelyKnown),
      // Rated resolved over all closed; the unrated resolved closes are shown apart, never as resolved.
      resolutionRate180d: rate(x.resolved, x.closed),
      resolvedRated180d: x.resolved,
      resolvedUnrated180d: x.resolvedUnrated,
      closed180d: x.closed,
      returnBreaches: x.breaches,
      enforcementCases: x.cases,
      // Kept of the promises whose outcome is known; those still running are counted apart, never as kept.
      promisesKept180d: x.promisesKept,
      promisesDecided180d: x.promisesKept + x.promisesBroken,
      promisesPending180d: x.promisesPending,
      promisesKeptRate180d: rate(x.promisesKept, x.promisesKept + x.promisesBroken),
    },
  };
}

/** The complaints that accepted contests took out of the credit inputs: one merchant's, or every merchant's. */
export async function excludedComplaints(merchantId?: string): Promise<Set<string>> {
  const rows = await CreditContestModel.find(merchantId ? { merchantId, state: 'accepted' } : { state: 'accepted' }, {
    complaintId: 1,
  }).lean();
  return new Set(rows.map((r) => String(r.complaintId)));
}

/** One merchant, computed now (tests, a single profile refresh). */
export async function merchantCredit(merchantId: string, at = now()) {
  const id = new mongoose.Types.ObjectId(merchantId);
  const since = new Date(at.getTime() - WINDOW_DAYS * 24 * 3600 * 1000);
  const x = empty(await StoreModel.countDocuments({ merchantId: id }));
  const out = await excludedComplaints(merchantId);
  for (const r of await factRows({ merchantId: id, createdAt: { $gte: since, $lte: at } }, ['complaintId', ...FACT_FIELDS]))
    if (!out.has(String(r.complaintId))) add(x, r);
  x.cases = await ProductFlagModel.countDocuments({ 'evidence.merchantIds': merchantId, caseId: { $exists: true } });
  return present(x);
}

/** Every merchant from one read of the facts: the hourly job and the seed. */
export async function refreshAllCredit(at = now()) {
  const since = new Date(at.getTime() - WINDOW_DAYS * 24 * 3600 * 1000);
  const merchants = await OrganizationModel.find({ kind: 'merchant' }, { _id: 1 }).lean();
  const stores = new Map<string, number>();
  for (const s of await StoreModel.find({}, { merchantId: 1 }).lean())
    stores.set(String(s.merchantId), (stores.get(String(s.merchantId)) ?? 0) + 1);
  const inputs = new Map(merchants.map((m) => [String(m._id), empty(stores.get(String(m._id)) ?? 0)]));
  const fields = ['merchantId', 'complaintId', 'createdAt', ...FACT_FIELDS];
  const out = await excludedComplaints();
  const direct = await directFacts(fields, since, at);
  for (const r of direct ?? (await factRows({ createdAt: { $gte: since, $lte: at } }, fields))) {
    const x = inputs.get(String(r.merchantId));
    if (x && !out.has(String(r.complaintId))) add(x, r);
  }
  for (const f of await ProductFlagModel.find({ caseId: { $exists: true } }, { evidence: 1 }).lean()) {
    for (const m of (f.evidence as { merchantIds?: string[] })?.merchantIds ?? []) {
      const x = inputs.get(m);
      if (x) x.cases++;
    }
  }
  // One upsert each, in commands the embedded engine can hold (server/db/bulkWrite.ts).
  const writes = [...inputs].map(([id, x]) => {
    const p = present(x);
    return { replaceOne: { filter: { _id: id }, replacement: { _id: id, tier: p.creditTier, figures: p.figures, at }, upsert: true } };
  });
  await bulkWriteInChunks(MerchantCreditModel, writes);
  await syncMerchantRows();
  return inputs.size;
}

/** One merchant's credit computed and stored now, as the hourly job would: after a contest takes a complaint out. */
export async function refreshMerchantCredit(merchantId: string, at = now()) {
  const p = await merchantCredit(merchantId, at);
  const _id = new mongoose.Types.ObjectId(merchantId);
  await MerchantCreditModel.replaceOne({ _id }, { _id, tier: p.creditTier, figures: p.figures, at }, { upsert: true });
  await syncMerchantRows([_id]);
  return p;
}

// Profiles read the stored credit by _id; a merchant not yet computed shows no tier.
export const creditFigures: FigureSource = async (merchantId) => {
  const c = await MerchantCreditModel.findById(merchantId).lean();
  return c ? { creditTier: c.tier as Tier, figures: c.figures as Record<string, number | null> } : { figures: {} };
};
