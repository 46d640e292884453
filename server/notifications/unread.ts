// Exact unread notification counts without counting notifications, kept in the count ledger
// (server/counts/ledger.ts) under one scope per user: each notification added inserts a +1 delta and
// each read a -1 delta, keyed by the notification so a repeat inserts nothing (the ledger keeps sealed
// deltas for hours, so a late retry still finds its id). A count reads the user's latest snapshot by
// _id and the last minute's deltas: reads whose size does not grow with the notifications.
import type mongoose from 'mongoose';
import { addDeltas, readCounts } from '../counts/ledger.js';
import { isDuplicateKey } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { NotificationModel } from '../models/Notification.js';

type Id = mongoose.Types.ObjectId | string;

/** Ledger scopes of unread counts start so; the rebuild of the complaint read model leaves them alone. */
export const UNREAD_SCOPE_PREFIX = 'unread:';
export const unreadScope = (userId: Id) => `${UNREAD_SCOPE_PREFIX}${String(userId)}`;
const delta = (sign: 1 | -1, userId: Id, key: string) => ({
  _id: `${sign > 0 ? '+' : '-'}${String(userId)}:${key}`,
  scope: unreadScope(userId),
  d: { n: sign },
});

type NewNotification = {
  userId: Id;
  key: string;
  kind: string;
  title: string;
  titleEn?: string;
  body?: string;
  link: string;
  complaintId?: unknown;
  at: Date;
};

/**
 * Adds a notification and counts it unread; null when (userId, key) was notified before. The delta
 * goes first: a retry after a crash in between finds no notification and inserts the same delta id,
 * which the ledger still holds, and so adds nothing.
 */
export async function addNotification(doc: NewNotification) {
  if (await NotificationModel.exists({ userId: doc.userId, key: doc.key })) return null;
  await addDeltas([delta(1, doc.userId, doc.key)]);
  try {
    return await NotificationModel.create(doc);
  } catch (e) {
    if (isDuplicateKey(e)) return null;
    throw e;
  }
}

/** Counts these notifications (of one user) read before they are marked; a repeat counts once. */
export async function recordRead(userId: Id, keys: string[]): Promise<void> {
  await addDeltas(keys.map((key) => delta(-1, userId, key)));
}

export async function unreadCount(userId: Id): Promise<number> {
  return (await readCounts(unreadScope(userId))).n ?? 0;
}

// A new name: databases that ran the backfill into the former UnreadDelta collection run it again here.
const BACKFILLED = 'backfill:unread-ledger';

/**
 * Notifications stored before these counts existed get their deltas, once per database, before the
 * ledger's first seal of them (a delta re-inserted after the ledger forgot it would count twice).
 * Idempotent until it completes: the ids decide.
 */
export async function backfillUnread(): Promise<void> {
  if (await JobRunModel.exists({ key: BACKFILLED })) return;
  const rows = await NotificationModel.find({}, { userId: 1, key: 1, readAt: 1 }).lean();
  for (let i = 0; i < rows.length; i += 1000) {
    await addDeltas(rows.slice(i, i + 1000).flatMap((r) => [delta(1, r.userId, r.key), ...(r.readAt ? [delta(-1, r.userId, r.key)] : [])]));
  }
  await claim(BACKFILLED, 'notifications');
}
