// One step of the lifecycle: checks who asks (403), the version they saw (409 version_conflict) and the
// status (409 invalid_transition), then appends the event with seq = version + 1
// (server/complaints/append.ts: the unique (complaintId, seq) index decides a race).
import mongoose from 'mongoose';
import { canTransition, guardsOf, nextStatus, TRANSITIONS, type Action, type Party } from '../../shared/complaintMachine.js';
import type { TransitionInput } from '../../shared/schemas/complaint.js';
import { appendEvent, versionConflict } from '../complaints/append.js';
import { conflict, forbidden, notFound, unprocessable } from '../http/errors.js';
import { AttachmentModel } from '../models/Attachment.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { RegionModel } from '../models/Region.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintParty, complaintScope } from '../policies/complaints.js';
import { routeStore } from './fileComplaint.js';

export type SystemAction = 'escalate' | 'auto_accept' | 'mediation_expired' | 'remedy_reminder' | 'remedy_overdue' | 'disclose';

function append(
  c: ComplaintRecord,
  action: Exclude<Action, 'file'>,
  party: Party,
  actorId: string | null,
  data: Record<string, unknown>,
  quiet = false,
) {
  return appendEvent(c, { action, to: nextStatus(action, c.status), party, actorId, data, quiet });
}

export async function transitionComplaint(actor: Actor, complaintId: string, input: TransitionInput): Promise<ComplaintRecord> {
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  const complaint = c!;
  const { action, expectedVersion, ...data } = input;
  const party = complaintParty(actor, complaint);
  if (party !== TRANSITIONS[action].party)
    throw forbidden(`Only the ${TRANSITIONS[action].party} of this complaint may ${action.replace(/_/g, ' ')}`);
  if (expectedVersion !== complaint.version) throw versionConflict();
  const guards = guardsOf(complaint);
  if (!canTransition(action, complaint.status, complaint.priority as 'normal' | 'urgent', guards)) {
    const state = [complaint.status, guards.remedy && `remedy ${guards.remedy}`, guards.disclosure && `disclosure ${guards.disclosure}`]
      .filter(Boolean)
      .join(', ');
    throw conflict('invalid_transition', `A complaint that is ${state} cannot take the action ${action}`);
  }
  if (input.action === 'record_fulfilment' && !(await AttachmentModel.exists({ _id: input.attachmentId, complaintId: complaint._id }))) {
    throw unprocessable('unknown_attachment', 'Upload the proof to this complaint first, then name it');
  }
  if (input.action === 'transfer') {
    if (input.toRegion === complaint.regulatorRegion) throw unprocessable('same_region', 'The complaint is already handled there');
    if (!(await RegionModel.exists({ code: input.toRegion, level: 'county' }))) throw unprocessable('unknown_region', 'No such county');
  }
  if (input.action === 'redirect') {
    if ((complaint.response as { responseType?: string } | undefined)?.responseType !== 'not_concerned') {
      throw conflict('invalid_transition', 'Only a complaint the merchant said does not concern it can be redirected');
    }
    if (input.storeId === String(complaint.storeId)) throw unprocessable('same_store', 'The complaint is already about this store');
    const route = await routeStore(input.storeId, complaint.purchase!.channel as 'in_store' | 'online');
    return append(complaint, action, party!, actor.id, { storeId: input.storeId, route });
  }
  // A followed remedy is confirmed or disputed on its recorded fulfilment, not asked about bare; the rating's
  // promiseKept stays in the contract for complaints closed without one (a mediated agreement, say).
  if (input.action === 'rate' && input.promiseKept !== undefined && complaint.remedy) {
    throw unprocessable('no_promise', 'A promised remedy is confirmed or disputed once the merchant records it, not in the rating');
  }
  return append(complaint, action, party!, actor.id, data);
}

/** A deadline job's transition; returns null when the complaint moved on meanwhile. */
export async function systemTransition(
  complaintId: mongoose.Types.ObjectId | string,
  action: SystemAction,
  expectedVersion: number,
  opts: { quiet?: boolean } = {},
) {
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  if (!c) throw notFound('Complaint');
  if (c.version !== expectedVersion || !canTransition(action, c.status, 'normal', guardsOf(c))) return null;
  try {
    return await append(c, action, 'system', null, {}, opts.quiet);
  } catch (e) {
    if ((e as { code?: string }).code === 'version_conflict') return null;
    throw e;
  }
}
