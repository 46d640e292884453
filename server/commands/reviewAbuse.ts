// Mass templated claims (恶意索赔): a consumer who files many near-identical complaints against many
// merchants goes to a regulator review queue with the evidence. Nothing is blocked: the complaints
// proceed as usual, and only a regulator's decision says anything about the account.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import { AbuseReviewModel } from '../models/AbuseReview.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { firstWriter } from '../db/firstWriter.js';

/** Defaults chosen so an ordinary consumer (a few complaints a month) never comes near them. */
export const ABUSE_THRESHOLDS = { windowDays: 30, complaints: 8, merchants: 5, templateShare: 0.6 };
const DAY_MS = 24 * 3600 * 1000;

export async function reviewConsumer(consumerId: string, at = now()) {
  const t = ABUSE_THRESHOLDS;
  // The window's facts first: most consumers have fewer than the threshold in the whole window, and
  // then the last decision, which could only shorten the window, need not be read (one command fewer
  // after nearly every filing).
  const windowFacts = await ComplaintFactModel.find(
    { consumerId, createdAt: { $gte: new Date(at.getTime() - t.windowDays * DAY_MS), $lte: at } },
    { complaintId: 1, merchantId: 1, template: 1, countyCode: 1, createdAt: 1 },
  ).lean();
  if (windowFacts.length < t.complaints) return null;
  const lastDecided = await AbuseReviewModel.findOne({ consumerId, status: { $ne: 'pending' } })
    .sort({ decidedAt: -1 })
    .lean();
  // Evidence a decision already answered does not count again.
  const decided = lastDecided?.decidedAt ? new Date(lastDecided.decidedAt).getTime() : -Infinity;
  const facts = windowFacts.filter((f) => new Date(f.createdAt).getTime() > decided);
  if (facts.length < t.complaints) return null;
  const merchants = new Set(facts.map((f) => String(f.merchantId)));
  const byTemplate = new Map<string, number>();
  for (const f of facts) byTemplate.set(f.template ?? '', (byTemplate.get(f.template ?? '') ?? 0) + 1);
  const [, topCount] = [...byTemplate].sort((a, b) => b[1] - a[1])[0]!;
  const templateShare = Math.round((topCount / facts.length) * 100) / 100;
  if (merchants.size < t.merchants || templateShare < t.templateShare) return null;

  const evidence = {
    windowDays: t.windowDays,
    complaintCount: facts.length,
    merchantCount: merchants.size,
    templateShare,
    sameTemplateCount: topCount,
    complaintIds: facts.map((f) => String(f.complaintId)),
    // Each complaint's county, in the same order: a county bureau may open only its own (policies/products.ts).
    complaintCounties: facts.map((f) => f.countyCode),
  };
  const regionCodes = [...new Set(facts.map((f) => f.countyCode))].sort();
  const openKey = `open:${consumerId}`;
  const existing = await AbuseReviewModel.findOne({ openKey }).lean();
  if (existing) {
    await AbuseReviewModel.updateOne({ _id: existing._id }, { $set: { evidence, regionCodes } });
    return existing._id;
  }
  const user = await UserModel.findById(consumerId, { name: 1 }).lean();
  const r = new AbuseReviewModel({ consumerId, consumerName: user?.name, openKey, status: 'pending', evidence, regionCodes });
  return (await firstWriter(r.save())) ? r._id : null;
}

/** A regulator's decision; of two regulators deciding at once, the second finds it decided (409). */
export async function decideAbuseReview(id: string, actor: Actor, decision: 'cleared' | 'confirmed', note: string) {
  const review = authorizeVisible(actor, await AbuseReviewModel.findById(id).lean(), 'Review');
  if (review.status !== 'pending') throw conflict('already_decided', 'This review was already decided');
  // The decision is claimed by a unique insert, which decides two regulators deciding at once.
  if (!(await claim(`abuse-decision:${id}`, 'abuse-decision'))) throw conflict('already_decided', 'This review was already decided');
  await AbuseReviewModel.updateOne(
    { _id: review._id },
    { $set: { status: decision, note, decidedBy: new mongoose.Types.ObjectId(actor.id), decidedAt: now(), openKey: `decided:${id}` } },
  );
  const updated = await AbuseReviewModel.findById(id).lean();
  if (!updated) throw notFound('Review');
  return updated;
}
