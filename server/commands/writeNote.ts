// An officer's internal note on a complaint. Who may read and write notes is `seesInternal`
// (server/policies/complaints.ts): the officers of bureaus that see the complaint, nobody else.
import { now } from '../clock.js';
import { forbidden } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintNoteModel } from '../models/ComplaintNote.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope, seesInternal } from '../policies/complaints.js';

/** The complaint if the actor sees it (404 otherwise) and its internal side (403 otherwise). */
export async function loadInternal(actor: Actor, complaintId: string): Promise<ComplaintRecord> {
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  if (!seesInternal(actor, c!)) throw forbidden('Internal notes are for the officers of the bureaus that see the complaint');
  return c!;
}

export async function writeNote(actor: Actor, complaintId: string, body: string) {
  const complaint = await loadInternal(actor, complaintId);
  const author = await UserModel.findById(actor.id, { name: 1, orgName: 1 }).lean();
  const note = await ComplaintNoteModel.create({
    complaintId: complaint._id,
    authorId: actor.id,
    authorName: author?.name ?? '',
    orgName: author?.orgName ?? '',
    body,
    at: now(),
  });
  return note.toObject();
}

export async function listNotes(actor: Actor, complaintId: string) {
  const complaint = await loadInternal(actor, complaintId);
  return ComplaintNoteModel.find({ complaintId: complaint._id }).sort({ _id: 1 }).limit(500).lean();
}
