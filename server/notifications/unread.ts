// Exact unread notification counts without counting notifications. Each notification added inserts a
// +1 delta and each read a -1 delta, keyed by the notification so a repeat inserts nothing; a job
// seals a user's deltas into a snapshot generation and deletes them. A count reads the user's few
// unsealed deltas and snapshots: two equality reads whose size does not grow with the notifications.
//
// Exact at every moment: a reader reads the deltas first, then the snapshots, and skips the deltas
// the newest snapshot absorbed. A seal inserts its snapshot before deleting what it absorbed, so any
// delta a reader missed was deleted after being absorbed into a snapshot the reader then sees.
import type mongoose from 'mongoose';
import { now } from '../clock.js';
import { isDuplicateKey } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { NotificationModel } from '../models/Notification.js';
import { UnreadDeltaModel } from '../models/UnreadDelta.js';
import { UnreadSnapshotModel } from '../models/UnreadSnapshot.js';

type Id = mongoose.Types.ObjectId | string;
const deltaId = (sign: '+' | '-', userId: Id, key: string) => `${sign}${String(userId)}:${key}`;

/**
 * Deltas younger than this stay unsealed, so a retried write (same key) still finds its first delta
 * and inserts nothing; once sealed and deleted a delta could not stop its repeat.
 */
const SEAL_AFTER_MS = 5 * 60_000;

async function insertDeltas(docs: { _id: string; userId: Id; d: number }[]): Promise<void> {
  if (docs.length === 0) return;
  const at = now();
  await UnreadDeltaModel.insertMany(
    docs.map((d) => ({ ...d, at })),
    { ordered: false },
  ).catch((e: unknown) => {
    const writeErrors = (e as { writeErrors?: unknown[] }).writeErrors;
    if (!isDuplicateKey(e) && !(writeErrors && writeErrors.every((w) => isDuplicateKey(w)))) throw e;
  });
}

type NewNotification = { userId: Id; key: string; kind: string; title: string; titleEn?: string; body?: string; link: string; complaintId?: unknown; at: Date };

/**
 * Adds a notification and counts it unread; null when (userId, key) was notified before. The delta
 * goes first: a retry after a crash in between finds no notification and inserts the same delta key,
 * which is still unsealed (see SEAL_AFTER_MS) and so inserts nothing.
 */
export async function addNotification(doc: NewNotification) {
  if (await NotificationModel.exists({ userId: doc.userId, key: doc.key })) return null;
  await insertDeltas([{ _id: deltaId('+', doc.userId, doc.key), userId: doc.userId, d: 1 }]);
  try {
    return await NotificationModel.create(doc);
  } catch (e) {
    if (isDuplicateKey(e)) return null;
    throw e;
  }
}

/** Counts these notifications (of one user) read before they are marked; a repeat counts once. */
export async function recordRead(userId: Id, keys: string[]): Promise<void> {
  await insertDeltas(keys.map((key) => ({ _id: deltaId('-', userId, key), userId, d: -1 })));
}

/** The newest snapshot generation of a user (older ones live only until a seal deletes them). */
async function latestSnapshot(userId: Id) {
  const snaps = await UnreadSnapshotModel.find({ userId }, { gen: 1, n: 1, absorbed: 1 }).lean();
  const latest = snaps.reduce<(typeof snaps)[number] | null>((a, s) => (!a || s.gen > a.gen ? s : a), null);
  return { gen: latest?.gen ?? 0, n: latest?.n ?? 0, absorbed: new Set(latest?.absorbed ?? []) };
}

const sumOutside = (deltas: { _id: string; d: number }[], absorbed: Set<string>) => deltas.reduce((sum, d) => sum + (absorbed.has(d._id) ? 0 : d.d), 0);

export async function unreadCount(userId: Id): Promise<number> {
  const deltas = await UnreadDeltaModel.find({ userId }, { d: 1 }).lean();
  const snap = await latestSnapshot(userId);
  return snap.n + sumOutside(deltas, snap.absorbed);
}

/** Seals every user's settled deltas into a new snapshot generation; returns the users sealed. */
export async function sealUnread(at = now()): Promise<number> {
  const byUser = new Map<string, { _id: string; d: number }[]>();
  // The whole collection holds a few minutes of deltas: one read.
  for (const d of await UnreadDeltaModel.find({}, { userId: 1, d: 1, at: 1 }).lean()) {
    if (d.at.getTime() > at.getTime() - SEAL_AFTER_MS) continue;
    const list = byUser.get(String(d.userId)) ?? [];
    list.push(d);
    byUser.set(String(d.userId), list);
  }
  let sealed = 0;
  for (const [userId, deltas] of byUser) {
    const snap = await latestSnapshot(userId);
    const gen = snap.gen + 1;
    const n = snap.n + sumOutside(deltas, snap.absorbed);
    try {
      await UnreadSnapshotModel.create({ _id: `${userId}:${gen}`, userId, gen, n, absorbed: deltas.map((d) => d._id), at });
    } catch (e) {
      if (isDuplicateKey(e)) continue; // another instance sealed this user; its run deletes the deltas
      throw e;
    }
    await UnreadDeltaModel.deleteMany({ _id: { $in: deltas.map((d) => d._id) } });
    await UnreadSnapshotModel.deleteMany({ userId, gen: { $lt: gen } });
    sealed++;
  }
  return sealed;
}

const BACKFILLED = 'backfill:unread-deltas';

/**
 * Notifications stored before these counts existed get their deltas, once per database and before
 * any seal (a delta re-inserted after its seal deleted it would count twice). Idempotent until it
 * completes: the keys decide.
 */
export async function backfillUnread(): Promise<void> {
  if (await JobRunModel.exists({ key: BACKFILLED })) return;
  const rows = await NotificationModel.find({}, { userId: 1, key: 1, readAt: 1 }).lean();
  for (let i = 0; i < rows.length; i += 1000) {
    await insertDeltas(
      rows.slice(i, i + 1000).flatMap((r) => [
        { _id: deltaId('+', r.userId, r.key), userId: r.userId, d: 1 },
        ...(r.readAt ? [{ _id: deltaId('-', r.userId, r.key), userId: r.userId, d: -1 }] : []),
      ]),
    );
  }
  await claim(BACKFILLED, 'notifications');
}
