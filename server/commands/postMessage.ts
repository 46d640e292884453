// A message in a complaint's thread, from one of its parties. Messages do not change the complaint's
// version, so a reply never collides with a transition.
import { now } from '../clock.js';
import { notifyComplaint, type Audience } from '../complaints/notify.js';
import { emitToComplaint } from '../complaints/realtime.js';
import { forbidden, unprocessable } from '../http/errors.js';
import { AttachmentModel } from '../models/Attachment.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintMessageModel } from '../models/ComplaintMessage.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintParty, complaintScope } from '../policies/complaints.js';
import { presentMessage } from '../presenters/complaint.js';

/** The complaint if the actor may see it (404 otherwise) and is one of its parties (403 otherwise). */
export async function loadForParty(actor: Actor, complaintId: string) {
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  const party = complaintParty(actor, c!);
  if (!party || party === 'system') throw forbidden('Only the consumer, the merchant and the handling bureau take part in this complaint');
  return { complaint: c!, party };
}

const REGULATOR_STAGE = ['awaiting_regulator', 'in_mediation'];

export async function postMessage(actor: Actor, complaintId: string, body: string, attachmentId?: string) {
  const { complaint, party } = await loadForParty(actor, complaintId);
  if (attachmentId && !(await AttachmentModel.exists({ _id: attachmentId, complaintId: complaint._id }))) {
    throw unprocessable('unknown_attachment', 'No such attachment on this complaint');
  }
  const author = await UserModel.findById(actor.id, { name: 1 }).lean();
  const msg = await ComplaintMessageModel.create({
    complaintId: complaint._id,
    authorId: actor.id,
    party,
    authorName: author?.name ?? '',
    body,
    attachmentId: attachmentId ?? null,
    at: now(),
  });
  const m = msg.toObject();
  // One payload for every room: the consumer's name only where the merchant may know it.
  emitToComplaint(complaint, 'complaint:message', { complaintId: String(complaint._id), message: presentMessage(m, complaint, false) });
  const audiences: Audience[] = (['consumer', 'merchant'] as const).filter((a) => a !== party);
  if (party !== 'regulator' && REGULATOR_STAGE.includes(complaint.status)) audiences.push('regulators');
  if (party === 'regulator') audiences.splice(0, audiences.length, 'consumer', 'merchant');
  await notifyComplaint(complaint, `msg:${m._id}`, 'message', audiences);
  return { message: m, complaint };
}
