// What follows a stored complaint event, after the answer (run by effectRunner.ts): live events to
// the rooms that may see the complaint, notifications and mail to those it concerns, and the domain
// event other capabilities listen to (facts, rollups, flag and abuse checks). Every step may run
// again after a crash and then adds nothing: notifications and mails are unique per (event, user),
// facts per complaint, flags per product.
import { lastDay } from '../../shared/deadlines.js';
import { publish, type ComplaintRoute } from '../events/bus.js';
import { notice } from '../mail/templates.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { UserModel } from '../models/User.js';
import { fanOut } from '../notifications/fanout.js';
import { person } from '../notifications/recipients.js';
import { complaintReads } from './eventReads.js';
import { notifyComplaintAll, type Audience, type ComplaintNotice } from './notify.js';
import type { ComplaintState, CurrentDeadline } from './projection.js';
import { emitToComplaint } from './realtime.js';

/** A stored event whose effects are owed. */
export interface EffectEvent {
  _id: string;
  complaintId: unknown;
  seq: number;
  action: string;
  from?: string | null;
  to: string;
  at: Date;
  data?: Record<string, unknown> | null;
  actorId?: unknown;
  quiet?: boolean | null;
  effectsTry?: number | null;
}

/** The complaint as the event left it (the projection right after it). */
type Complaint = ComplaintState & Parameters<typeof notifyComplaintAll>[0] & Parameters<typeof emitToComplaint>[0];

/**
 * The live events of one event. The command emits them as it answers, ahead of the durable effects:
 * a burst of filings queues their effects, and the pages that are open must not wait behind it.
 */
export function emitLive(e: EffectEvent, complaint: ComplaintState): void {
  const c = complaint as Complaint;
  const id = String(c._id);
  if (e.action === 'file' || e.action === 'redirect') {
    // A redirected complaint is new to its new merchant's staff and bureau.
    emitToComplaint(c, 'complaint:created', { id, countyCode: c.countyCode, priority: c.priority });
  }
  if (e.action !== 'file') emitToComplaint(c, 'complaint:updated', { id, status: c.status, version: c.version });
}

/** The notices of a filing: its consumer, its merchant, and for an urgent complaint its bureaus. */
export const filedNotices = (c: { priority: string }): ComplaintNotice[] => [
  ['filed_consumer', ['consumer']],
  ['filed_merchant', ['merchant']],
  ...(c.priority === 'urgent' ? [['filed_urgent', ['regulators']] satisfies ComplaintNotice] : []),
];

async function announceFiled(c: Complaint, fresh: boolean, stored?: ComplaintRecord | null): Promise<void> {
  const id = String(c._id);
  await notifyComplaintAll(c, `${id}:1`, filedNotices(c), { fresh });
  await publish('complaint.filed', { complaintId: id, reads: complaintReads(id, stored), fresh });
}

/** Who hears of each transition, and with which notice. */
const NOTICES: Record<string, [string, Audience[]][]> = {
  respond: [['responded', ['consumer']]],
  accept_response: [['response_accepted', ['merchant']]],
  auto_accept: [['response_auto_accepted', ['consumer', 'merchant']]],
  reject_response: [
    ['response_rejected', ['merchant']],
    ['awaiting_regulator', ['regulators']],
  ],
  escalate: [
    ['escalated', ['consumer', 'merchant']],
    ['awaiting_regulator', ['regulators']],
  ],
  accept: [['accepted', ['consumer', 'merchant']]],
  decline: [['declined', ['consumer']]],
  transfer: [
    ['transferred', ['consumer']],
    ['awaiting_regulator', ['regulators']],
  ],
  mediation_succeeded: [['mediated', ['consumer', 'merchant']]],
  mediation_failed: [['mediation_failed', ['consumer', 'merchant']]],
  mediation_expired: [['mediation_failed', ['consumer', 'merchant', 'regulators']]],
  withdraw: [['withdrawn', ['merchant']]],
  redirect: [['filed_merchant', ['merchant']]],
  record_fulfilment: [['remedy_fulfilled', ['consumer']]],
  remedy_reminder: [['remedy_reminder', ['consumer']]],
  confirm_remedy: [['remedy_confirmed', ['merchant']]],
  dispute_remedy: [
    ['remedy_disputed', ['merchant']],
    ['awaiting_regulator', ['regulators']],
  ],
  remedy_overdue: [
    ['remedy_overdue', ['consumer', 'merchant']],
    ['awaiting_regulator', ['regulators']],
  ],
  // A stopped or restarted clock moves the day the parties must act by: both hear of it.
  pause_deadline: [['deadline_paused', ['consumer', 'merchant']]],
  resume_deadline: [['deadline_resumed', ['consumer', 'merchant']]],
  request_pause: [['pause_requested', ['regulators']]],
  decline_pause_request: [['pause_declined', ['merchant']]],
};

/** What a notice says beyond the complaint: a decline's reason, a pause's reason, a resumed deadline's new day. */
function noticeExtra(e: EffectEvent, c: Complaint): Record<string, string> {
  const data = e.data ?? {};
  if (e.action === 'decline') return { reason: String(data.reasonCode ?? '') };
  if (e.action === 'pause_deadline' || e.action === 'request_pause') return { pauseReason: String(data.reason ?? '') };
  if (e.action === 'decline_pause_request') return data.reason ? { note: String(data.reason) } : {};
  const due = (c.deadlines?.current as CurrentDeadline)?.dueAt;
  if (e.action === 'resume_deadline' && due) return { due: lastDay(due) };
  return {};
}

/** The officer a complaint was assigned to, told who assigned it. */
async function notifyAssignee(c: Complaint, key: string, assignee: string, e: EffectEvent): Promise<void> {
  const by = e.actorId ? await UserModel.findById(e.actorId, { name: 1 }).lean() : null;
  await fanOut({
    cause: key,
    kind: 'assigned',
    to: [person(assignee)],
    notice: notice('assigned', { number: c.number, productName: c.product?.name, merchantName: c.merchantName }, by ? { by: by.name } : {}),
    link: `/complaints/${String(c._id)}`,
    complaintId: c._id,
  });
}

async function announceTransition(c: Complaint, e: EffectEvent, fresh: boolean): Promise<void> {
  const id = String(c._id);
  const key = `${id}:${e.seq}`;
  // A clock transition long after its deadline (downtime, imported history) changes state without notices.
  if (!e.quiet) {
    const extra = noticeExtra(e, c);
    const wasRegulatorStage = e.from === 'awaiting_regulator' || e.from === 'in_mediation';
    const notices: ComplaintNotice[] = [
      ...(NOTICES[e.action] ?? []).map(([kind, audiences]): ComplaintNotice => [kind, audiences, extra]),
      ...(e.action === 'withdraw' && wasRegulatorStage ? [['withdrawn', ['regulators']] satisfies ComplaintNotice] : []),
    ];
    if (notices.length) await notifyComplaintAll(c, key, notices, { fresh });
    // The officer a complaint is assigned to hears of it, unless they took it themselves.
    const assignee = e.action === 'assign' ? String(e.data?.assigneeId) : null;
    if (assignee && assignee !== String(e.actorId)) await notifyAssignee(c, key, assignee, e);
  }
  await publish('complaint.transitioned', {
    complaintId: id,
    action: e.action,
    from: String(e.from),
    to: e.to,
    seq: e.seq,
    reads: complaintReads(id),
    ...(e.action === 'redirect' ? { route: e.data!.route as ComplaintRoute } : {}),
  });
}

/**
 * Every effect of one event; `c` is the complaint right after it. `fresh`: this is the first run of
 * the event's effects (its command handed it over and its first try was claimed), so nobody has been
 * notified of it yet and the notices skip the "notified before?" reads. `stored`: the complaint's
 * document as its filing stored it, which its handlers take instead of reading it again.
 */
export async function runEffects(
  e: EffectEvent,
  c: ComplaintState,
  { fresh = false, emitted = false, stored }: { fresh?: boolean; emitted?: boolean; stored?: ComplaintRecord | null } = {},
): Promise<void> {
  // Events found pending after a crash or restart were perhaps never emitted: once more does no harm.
  if (!emitted) emitLive(e, c);
  if (e.action === 'file') await announceFiled(c as Complaint, fresh, stored);
  else await announceTransition(c as Complaint, e, fresh);
}
