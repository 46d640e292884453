// Merchant credit tier A–D from the last 180 days of complaint facts (rate per store, timely
// response, resolution), return breaches (return_refused complaints: a breach opens one) and
// enforcement cases on products the merchant sold. Shown on the public profile with the figures.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { countBy } from '../analytics/count.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { StoreModel } from '../models/Store.js';
import { addMerchantFigures } from '../presenters/merchant.js';

const WINDOW_DAYS = 180;
export type Tier = 'A' | 'B' | 'C' | 'D';

export interface CreditInputs {
  complaints: number;
  stores: number;
  timely: number;
  timelyKnown: number;
  resolved: number;
  closed: number;
  breaches: number;
  cases: number;
}

/** 100 points less deductions, each capped so one weakness alone cannot make a D. */
export function creditScore(x: CreditInputs): { score: number; tier: Tier } {
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

export async function merchantCredit(merchantId: string, at = now()) {
  const id = new mongoose.Types.ObjectId(merchantId);
  const since = new Date(at.getTime() - WINDOW_DAYS * 24 * 3600 * 1000);
  const counted = await countBy({ merchantId: id, createdAt: { $gte: since, $lte: at } }, ['status', 'timelyResponse', 'problemType']);
  const rows = [...counted].map(([k, n]) => {
    const [s, t, p] = k.split('|') as [string, string, string];
    return { _id: { s, t: t === 'true' ? true : t === 'false' ? false : null, p }, n };
  });
  const x: CreditInputs = { complaints: 0, stores: await StoreModel.countDocuments({ merchantId: id }), timely: 0, timelyKnown: 0, resolved: 0, closed: 0, breaches: 0, cases: 0 };
  for (const { _id, n } of rows) {
    x.complaints += n;
    if (_id.t === true || _id.t === false) {
      x.timelyKnown += n;
      if (_id.t) x.timely += n;
    }
    if (['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn'].includes(_id.s)) x.closed += n;
    if (_id.s === 'resolved' || _id.s === 'mediated') x.resolved += n;
    if (_id.p === 'return_refused') x.breaches += n;
  }
  x.cases = await ProductFlagModel.countDocuments({ 'evidence.merchantIds': merchantId, caseId: { $exists: true } });
  const { score, tier } = creditScore(x);
  const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    creditTier: tier,
    figures: {
      creditScore: score,
      complaints180d: x.complaints,
      complaintsPerStore: Math.round((x.complaints / Math.max(1, x.stores)) * 10) / 10,
      timelyResponseRate180d: rate(x.timely, x.timelyKnown),
      resolutionRate180d: rate(x.resolved, x.closed),
      returnBreaches: x.breaches,
      enforcementCases: x.cases,
    },
  };
}

addMerchantFigures((merchantId) => merchantCredit(merchantId));
