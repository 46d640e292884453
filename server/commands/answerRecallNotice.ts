// A consumer reads a recall notice; a merchant acknowledges it has taken the product off sale.
// Both are marks on the recipient's own notice (a repeat changes nothing) and move the bureau's
// reach figures live.
import { now } from '../clock.js';
import { notFound } from '../http/errors.js';
import { RecallNoticeModel, type RecallNoticeRecord } from '../models/RecallNotice.js';
import type { Actor } from '../policies/index.js';
import { announceReach } from '../recalls/reach.js';

/** The recipient key of the actor: a consumer is noticed personally, a merchant as an organization. */
export function recipientOf(actor: Actor): string | null {
  if (actor.role === 'consumer') return `user:${actor.id}`;
  if (actor.role === 'merchant' && actor.orgId) return `org:${actor.orgId}`;
  return null;
}

/** The actor's own notice of this recall; 404 when the recall did not reach them. */
export async function myNotice(actor: Actor, recallId: string): Promise<RecallNoticeRecord> {
  const recipient = recipientOf(actor);
  const n = recipient ? await RecallNoticeModel.findOne({ recallId, recipient }).lean() : null;
  if (!n) throw notFound('Recall notice');
  return n;
}

export async function answerRecallNotice(actor: Actor, recallId: string, answer: 'read' | 'acknowledge'): Promise<RecallNoticeRecord> {
  const n = await myNotice(actor, recallId);
  const field = answer === 'read' ? 'readAt' : 'acknowledgedAt';
  if (n[field]) return n;
  const set = { [field]: now(), ...(answer === 'acknowledge' ? { acknowledgedBy: actor.id, readAt: n.readAt ?? now() } : {}) };
  await RecallNoticeModel.updateOne({ _id: n._id }, { $set: set });
  await announceReach(n.recallId);
  return { ...n, ...set } as RecallNoticeRecord;
}
