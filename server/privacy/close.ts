// Closing a consumer's account (PIPL): the account's personal data is erased or replaced by a
// pseudonym, and its complaints stay — the bureau keeps them for its legal retention — without
// identity. The complaints name the consumer only by `consumerId`, whose account row now holds no
// name, email, phone or usable password; the copies of the name kept beside their words (message
// author names) are replaced too, and their own words (each complaint's description — in the filing
// event, the complaint and its list entry with its search terms — and their messages) lose phone
// numbers, ID numbers, emails and their name by the disclosure rules (server/disclosure/scrub.ts).
// Their return requests stay with the merchant (a refund owed is still owed), and the words on them (the
// return's reason, a dispute's reason) are scrubbed the same way. Sessions end at once, on every instance.
import crypto from 'node:crypto';
import type mongoose from 'mongoose';
import { writeNewerEntryRow } from '../complaints/storeEntries.js';
import { scrub } from '../disclosure/scrub.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel, eventId } from '../models/ComplaintEvent.js';
import { endSessions } from '../accounts/sessions.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { AppError } from '../http/errors.js';
import { ComplaintMessageModel } from '../models/ComplaintMessage.js';
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { NotificationModel } from '../models/Notification.js';
import { UserModel } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { now } from '../clock.js';

/** What a closed account's complaints show where a name was: no one in particular. */
export const CLOSED_NAME = '已注销用户';

export async function closeAccount(actor: Actor, password: string): Promise<void> {
  const user = await UserModel.findById(actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, password)))
    throw new AppError(403, 'wrong_password', 'The password is not right; the account stays open');
  await scrubOwnWords(user._id, user.name);
  await scrubOwnReturns(user._id, user.name);
  const pseudonym = `closed-${crypto.randomBytes(8).toString('hex')}`;
  user.name = CLOSED_NAME;
  user.email = `${pseudonym}@closed.invalid`;
  user.phone = undefined;
  // Nobody knows this password: the account can never be signed in to again.
  user.passwordHash = await hashPassword(crypto.randomBytes(32).toString('hex'));
  user.status = 'disabled';
  user.set('closedAt', now());
  await user.save();
  // Their notifications were theirs alone; complaint records stay with the bureau.
  await NotificationModel.deleteMany({ userId: user._id });
  await endSessions(actor.id);
}

/**
 * The consumer's descriptions and messages without the personal data the rules find and their name,
 * and no name on their messages. A consumer writes only on their own complaints, so each complaint's
 * thread is read by its indexed complaintId.
 */
async function scrubOwnWords(userId: mongoose.Types.ObjectId, name: string): Promise<void> {
  const complaints = (await ComplaintModel.find({ consumerId: userId }).lean()) as ComplaintRecord[];
  for (const c of complaints) {
    const description = scrub(c.description, [name]);
    if (description !== c.description) {
      // The filing event first: a rebuild from the events then gives the scrubbed text too.
      await ComplaintEventModel.updateOne({ _id: eventId(c._id, 1) }, { $set: { 'data.complaint.description': description } });
      await ComplaintModel.updateOne({ _id: c._id }, { $set: { description } });
      await writeNewerEntryRow({ ...c, description } as never);
    }
    const thread = await ComplaintMessageModel.find({ complaintId: c._id }, { authorId: 1, body: 1 }).lean();
    for (const m of thread.filter((x) => String(x.authorId) === String(userId)))
      await ComplaintMessageModel.updateOne({ _id: m._id }, { $set: { authorName: CLOSED_NAME, body: scrub(m.body, [name]) } });
  }
}

/** The reasons on the consumer's return requests, and the dispute event a dispute's reason was first stored in. */
async function scrubOwnReturns(userId: mongoose.Types.ObjectId, name: string): Promise<void> {
  const requests = await ReturnRequestModel.find({ consumerId: userId }, { reason: 1, dispute: 1 }).lean();
  for (const r of requests) {
    const reason = r.reason ? scrub(r.reason, [name]) : r.reason;
    const dispute = r.dispute?.reason ? scrub(r.dispute.reason, [name]) : r.dispute?.reason;
    if (dispute !== r.dispute?.reason)
      await ReturnEventModel.updateOne({ requestId: r._id, kind: 'dispute' }, { $set: { 'data.reason': dispute } });
    const set = { ...(reason !== r.reason ? { reason } : {}), ...(dispute !== r.dispute?.reason ? { 'dispute.reason': dispute } : {}) };
    if (Object.keys(set).length) await ReturnRequestModel.updateOne({ _id: r._id }, { $set: set });
  }
}
