// What follows a stored change: live events to the rooms that may see it, notifications and mail to
// those it concerns, and the domain event other capabilities listen to.
import { publish } from '../events/bus.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { notifyComplaint, type Audience } from './notify.js';
import { emitToComplaint } from './realtime.js';

export async function announceFiled(c: ComplaintRecord): Promise<void> {
  const id = String(c._id);
  emitToComplaint(c, 'complaint:created', { id, countyCode: c.countyCode, priority: c.priority as 'normal' | 'urgent' });
  await notifyComplaint(c, `${id}:1`, 'filed_consumer', ['consumer']);
  await notifyComplaint(c, `${id}:1`, 'filed_merchant', ['merchant']);
  if (c.priority === 'urgent') await notifyComplaint(c, `${id}:1`, 'filed_urgent', ['regulators']);
  await publish('complaint.filed', { complaintId: id });
}

/** Who hears of each transition, and with which notice. */
const NOTICES: Record<string, [string, Audience[]][]> = {
  respond: [['responded', ['consumer']]],
  accept_response: [['response_accepted', ['merchant']]],
  auto_accept: [['response_auto_accepted', ['consumer', 'merchant']]],
  reject_response: [['response_rejected', ['merchant']], ['awaiting_regulator', ['regulators']]],
  escalate: [['escalated', ['consumer', 'merchant']], ['awaiting_regulator', ['regulators']]],
  accept: [['accepted', ['consumer', 'merchant']]],
  decline: [['declined', ['consumer']]],
  transfer: [['transferred', ['consumer']], ['awaiting_regulator', ['regulators']]],
  mediation_succeeded: [['mediated', ['consumer', 'merchant']]],
  mediation_failed: [['mediation_failed', ['consumer', 'merchant']]],
  mediation_expired: [['mediation_failed', ['consumer', 'merchant', 'regulators']]],
  withdraw: [['withdrawn', ['merchant']]],
  redirect: [['filed_merchant', ['merchant']]],
};

export async function announceTransition(
  c: ComplaintRecord,
  e: { seq: number; action: string; from: string; to: string; data?: Record<string, unknown> },
  opts: { wasRegulatorStage: boolean; quiet?: boolean },
): Promise<void> {
  const id = String(c._id);
  emitToComplaint(c, 'complaint:updated', { id, status: c.status, version: c.version });
  const key = `${id}:${e.seq}`;
  // A redirected complaint is new to its new merchant's staff and bureau.
  if (e.action === 'redirect') emitToComplaint(c, 'complaint:created', { id, countyCode: c.countyCode, priority: c.priority as 'normal' | 'urgent' });
  // A clock transition long after its deadline (downtime, imported history) changes state without notices.
  if (opts.quiet) return void (await publish('complaint.transitioned', { complaintId: id, action: e.action, from: e.from, to: e.to, seq: e.seq }));
  for (const [kind, audiences] of NOTICES[e.action] ?? []) {
    const extra: Record<string, string> = e.action === 'decline' ? { reason: String(e.data?.reasonCode ?? '') } : {};
    await notifyComplaint(c, key, kind, audiences, extra);
  }
  if (e.action === 'withdraw' && opts.wasRegulatorStage) await notifyComplaint(c, key, 'withdrawn', ['regulators']);
  await publish('complaint.transitioned', { complaintId: id, action: e.action, from: e.from, to: e.to, seq: e.seq });
}
