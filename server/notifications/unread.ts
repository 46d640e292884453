// Exact unread notification counts without counting notifications, kept in the count ledger
// (server/counts/ledger.ts) under one scope per user: each notification added inserts a +1 delta and
// each read a -1 delta, keyed by the notification so a repeat inserts nothing (the ledger keeps sealed
// deltas for hours, so a late retry still finds its id). A count reads the user's latest snapshot by
// _id and the last minute's deltas: reads whose size does not grow with the notifications.
import type mongoose from 'mongoose';
import { addDeltas, readCounts } from '../counts/ledger.js';
import { onlyDuplicateKeys } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { NotificationModel } from '../models/Notification.js';
import { groupInsert } from '../db/groupInsert.js';
import { numberNotifications } from './numbers.js';

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
 * Adds notifications and counts them unread, in one insert per collection; each answer is the stored
 * notification, or null when (userId, key) was notified before. The deltas go first: a retry after a
 * crash in between finds no notification and inserts the same delta ids, which the ledger still holds,
 * and so adds nothing. That check is skipped for `fresh` keys, which nobody can have notified before
 * (a complaint event's first run of its effects): the unique index still decides a race.
 */
export async function addNotifications(docs: NewNotification[], { fresh = false }: { fresh?: boolean } = {}) {
  // Notified before (a retry, perhaps after the ledger forgot the delta): one `exists` each, at once.
  const known = fresh ? [] : await Promise.all(docs.map((d) => NotificationModel.exists({ userId: d.userId, key: d.key })));
  const todo = docs.filter((_, i) => !known[i]);
  if (!todo.length) return docs.map(() => null);
  // Numbered in the turn their _ids are made (numbers.ts): each user's numbers follow the _ids' order.
  const unseen = todo.map((d) => new NotificationModel(d));
  const numbers = await numberNotifications(unseen);
  unseen.forEach((d, i) => d.set(numbers[i]!));
  await addDeltas(unseen.map((d) => delta(1, d.userId, d.key)));
  for (const d of unseen) {
    const invalid = d.validateSync();
    if (invalid) throw invalid;
  }
  // Unordered: a row another runner stored meanwhile (E11000) leaves the others stored.
  const lost = new Set<number>();
  await groupInsert(
    NotificationModel.collection as never,
    unseen.map((d) => d.toObject()),
  ).catch((e) => {
    if (!onlyDuplicateKeys(e)) throw e;
    const errors = (e as { writeErrors?: { index: number }[] | { index: number } }).writeErrors;
    for (const w of Array.isArray(errors) ? errors : errors ? [errors] : unseen.map((_, index) => ({ index }))) lost.add(w.index);
  });
  const stored = new Map(unseen.filter((_, i) => !lost.has(i)).map((d) => [`${String(d.userId)}:${d.key}`, d.toObject()]));
  return docs.map((d) => stored.get(`${String(d.userId)}:${d.key}`) ?? null);
}

/** One notification (see addNotifications). */
export async function addNotification(doc: NewNotification) {
  return (await addNotifications([doc]))[0]!;
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
