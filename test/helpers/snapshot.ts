import crypto from 'node:crypto';
import mongoose from 'mongoose';

/**
 * Collections that change on requests by design: sessions, rate-limit and sign-in counters, and the
 * consumers' access log, which a successful read of a complaint showing its consumer must write.
 */
export const VOLATILE = new Set(['sessions', 'loginfailures', 'ratehits', 'uploadslots', 'dataaccesses']);

export interface DbSnapshot {
  counts: Record<string, number>;
  /** sha256 of the content of each non-volatile collection. */
  hashes: Record<string, string>;
}

/** Document count of every collection and a hash of the content of each non-volatile one. */
export async function snapshotDb(): Promise<DbSnapshot> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  for (const name of names) {
    if (VOLATILE.has(name)) continue;
    const col = db.collection(name);
    counts[name] = await col.countDocuments();
    const hash = crypto.createHash('sha256');
    for await (const doc of col.find().sort({ _id: 1 })) hash.update(JSON.stringify(doc));
    hashes[name] = hash.digest('hex');
  }
  return { counts, hashes };
}
