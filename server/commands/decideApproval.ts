// Approves or rejects a pending merchant account and its organization. The decision is an insert
// guarded by a unique index (one per account), so of an approve and a reject sent together exactly
// one wins and the account, its organization and its stores all follow the winner.
import { now } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import { ApprovalDecisionModel, type ApprovalDecisionRecord } from '../models/ApprovalDecision.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { UserModel } from '../models/User.js';
import { canSee, type Actor } from '../policies/index.js';
import { disconnectUser } from '../realtime/revoke.js';
import { rooms } from '../../shared/realtime.js';
import { emitTo } from '../realtime/emit.js';
import { firstWriter } from '../db/firstWriter.js';
import { syncMerchantRows } from '../stores/merchantRows.js';

const statusOf = (d: Pick<ApprovalDecisionRecord, 'decision'>) => (d.decision === 'approve' ? ('active' as const) : ('rejected' as const));

/** Writes a decision's projection: idempotent, so a loser (or a retry after a crash) may repeat it. */
async function apply(d: Pick<ApprovalDecisionRecord, 'decision' | 'userId' | 'orgId'>) {
  const status = statusOf(d);
  await OrganizationModel.updateOne({ _id: d.orgId }, { $set: { status } });
  await syncMerchantRows([d.orgId]);
  await UserModel.updateOne({ _id: d.userId }, { $set: { status } });
  // A rejected account's open sockets end now, not at their next reconnect; an approved merchant's
  // open pages switch from the waiting state to the full navigation at once.
  if (status === 'rejected') disconnectUser(String(d.userId));
  else emitTo([rooms.user(String(d.userId))], 'account:updated', { status });
  // Only an approved merchant's stores are in the public lists.
  await StoreModel.updateMany({ merchantId: d.orgId }, { $set: { listed: status === 'active' } });
}

export async function decideApproval(actor: Actor, userId: string, decision: 'approve' | 'reject', reason?: string) {
  const user = await UserModel.findById(userId).lean();
  const org = user?.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
  if (!user || !org || user.role !== 'merchant' || !canSee(actor, { countyCode: org.regionCode })) throw notFound('Pending account');
  const prior = await ApprovalDecisionModel.findOne({ userId: user._id }).lean();
  if (prior) {
    await apply(prior);
    throw conflict('invalid_transition', `This account is already ${statusOf(prior)}`);
  }
  if (user.status !== 'pending') throw conflict('invalid_transition', `This account is already ${user.status}`);
  const d = { userId: user._id, orgId: org._id, decision, ...(reason ? { reason } : {}), actorId: actor.id, at: now() };
  if (!(await firstWriter(ApprovalDecisionModel.create(d)))) {
    const won = await ApprovalDecisionModel.findOne({ userId: user._id }).lean();
    if (won) await apply(won);
    throw conflict('invalid_transition', `This account was decided at the same time${won ? `: ${statusOf(won)}` : ''}`);
  }
  await apply(d);
  return { id: userId, status: statusOf(d) };
}
