// An officer's internal note on a complaint. Who may read and write notes is `seesInternal`
// (server/policies/complaints.ts): the officers of bureaus that see the complaint, nobody else.
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { forbidden } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintNoteModel } from '../models/ComplaintNote.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope, seesInternal } from '../policies/complaints.js';
import { presentNote } from '../presenters/officers.js';
import { emitChecked } from '../realtime/emit.js';

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
  const written = note.toObject();
  // Live to the officers who have the complaint open. Its watch room also holds the consumer's and the
  // merchant's sockets, so each socket is asked (seesInternal) rather than the room trusted; nobody is
  // evicted, since those may still watch the complaint itself.
  emitChecked([rooms.complaint(String(complaint._id))], (a) => seesInternal(a, complaint), null, 'complaint:note', {
    complaintId: String(complaint._id),
    note: presentNote(written),
  });
  return written;
}

export async function listNotes(actor: Actor, complaintId: string) {
  const complaint = await loadInternal(actor, complaintId);
  return ComplaintNoteModel.find({ complaintId: complaint._id }).sort({ _id: 1 }).limit(500).lean();
}
