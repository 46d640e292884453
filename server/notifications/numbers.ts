// The bell's page, a band of the user's own notification numbers at a time. `find({userId})
// .sort({_id: -1}).limit(21)` made FerretDB hand over and sort every notification of the user
// (docs/database-engine.md): the bell, on every page of every role, cost what the user had ever been
// told, and grew with the bench's filings (issue 8). Each notification now gets a number of a sequence
// of its user's own (server/db/sequence.ts), in the order of its `_id`, and `{userId, band}` selects at
// most BAND of them; those numbers are dense, so a page of 20 reads the one or two bands that hold it.
import mongoose from 'mongoose';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { setIntsDirect } from '../db/directWrites.js';
import { bandedPage, bandOf, takeNumbers, type Numbering } from '../db/sequence.js';
import { heldClaim } from '../jobs/claim.js';
import { logger } from '../logger.js';
import { NotificationModel } from '../models/Notification.js';

type Id = mongoose.Types.ObjectId | string;

/** The sequence of one user's notifications. */
export const notificationSequence = (userId: Id) => `notifications:${String(userId)}`;

/** A page of 20 and the row after it span two bands of 25, or one. */
export const NOTIFICATION_NUMBERING: Numbering = { seq: 'seq', band: 'band', size: 25, dense: true };

const numberFields = (seq: number) => ({ seq, band: bandOf(seq, NOTIFICATION_NUMBERING.size) });

/**
 * Numbers for these new notifications (of any users), in their order: one block of each user's
 * sequence, the blocks of all users taken in one insert command (takeNumbers groups them). Called in
 * the same turn as the notifications' `_id`s were made, so in this process a later number never gets
 * an earlier `_id` (two instances notifying one user at the same moment may number in either order).
 */
export async function numberNotifications(docs: { userId: Id }[]): Promise<{ seq: number; band: number }[]> {
  const of = new Map<string, number>();
  for (const d of docs) of.set(String(d.userId), (of.get(String(d.userId)) ?? 0) + 1);
  const firsts = new Map(
    await Promise.all([...of].map(async ([user, n]) => [user, await takeNumbers(notificationSequence(user), n)] as const)),
  );
  return docs.map((d) => {
    const user = String(d.userId);
    const seq = firsts.get(user)!;
    firsts.set(user, seq + 1);
    return numberFields(seq);
  });
}

/** One page of a user's notifications, newest first; the cursor is the last one's id. */
export function bellPage(userId: Id, q: { limit: number; cursor?: string }) {
  return bandedPage(NotificationModel, notificationSequence(userId), { userId }, q, NOTIFICATION_NUMBERING);
}

// Recorded once every notification is numbered: until then the bell reads by `_id` as before, in every
// instance (a band read would miss the notifications not yet numbered).
const numbered = heldClaim('backfill:notification-numbers', 'backfill');

/** Whether the bell may read bands of the user's numbers. */
export const notificationsNumbered = numbered.held;

/** Records that every notification is numbered: a database seeded from empty numbers each as it writes it. */
export const notificationsHoldNumbers = numbered.mark;

/**
 * Notifications stored before they were numbered get their numbers, per user in `_id` order, once
 * per database (server/db/backfill.ts). They come before any notification numbered since, unless a
 * newer process on the same database numbered some first.
 */
export async function backfillNotificationNumbers(): Promise<number> {
  if (await numbered.held()) return 0;
  const rows = (await NotificationModel.find({}, { _id: 1, userId: 1, seq: 1 }).lean())
    .filter((r) => typeof r.seq !== 'number')
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  const numbers = await numberNotifications(rows);
  const ids = rows.map((r) => String(r._id));
  const fields = { seq: numbers.map((n) => n.seq), band: numbers.map((n) => n.band) };
  // Straight into the engine's table where it can (directWrites.ts); otherwise ten updates a command.
  if (rows.length && !(await setIntsDirect(NotificationModel.collection as never, ids, fields)))
    await bulkWriteInChunks(
      NotificationModel,
      rows.map((r, i) => ({ updateOne: { filter: { _id: r._id }, update: { $set: numbers[i]! } } })),
    );
  await numbered.mark();
  if (rows.length) logger.info({ notifications: rows.length }, 'notifications numbered for the bell');
  return rows.length;
}
