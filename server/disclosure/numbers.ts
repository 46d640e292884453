// The public list without a filter, a band of publication numbers at a time. Its day buckets
// (counts.ts) are too coarse there: a disclosure falls due at the start of a working day and the
// deadline job publishes the day's at 00:01, so the newest day held 47 records at 5k complaints and
// about 1,000 at 200k, every one read for a page of 20 (FerretDB sorts in memory). Each record gets a
// number of the `public` sequence (server/db/sequence.ts) in the order of its `_id`, and `{band}`
// selects at most BAND of them: a page reads one or two bands, whatever the number of records.
import mongoose from 'mongoose';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { bandOf, takeNumbers } from '../db/sequence.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';

export const PUBLIC_SEQUENCE = 'public';
const BACKFILL = 'backfill:public-numbers';

let taking: Promise<unknown> = Promise.resolve();

/**
 * A live publication's `_id` and number, made one after the other in this process, so a later number
 * never gets an earlier `_id`: the numbers' order is the `_id`s' (publications on two instances in the
 * same moment may be numbered in either order).
 */
export function numberedId(): Promise<{ _id: mongoose.Types.ObjectId; seq: number; band: number }> {
  const next = taking.then(async () => {
    const seq = await takeNumbers(PUBLIC_SEQUENCE, 1);
    return { _id: new mongoose.Types.ObjectId(), seq, band: bandOf(seq) };
  });
  taking = next.catch(() => undefined);
  return next;
}

/**
 * Numbers every record in `_id` order, above every number taken before (a record numbered live gets
 * a new number too), so the numbers' order is the `_id`s' whatever wrote the records: records written
 * in bulk (the seeds, out of order across their batches) or before the numbers existed. Nothing may
 * publish meanwhile: the seeds run it at their end, the server at start before its jobs.
 */
export async function numberPublicRecords(): Promise<number> {
  const ids = (await PublicComplaintModel.find({}, { _id: 1 }).lean()).map((r) => r._id).sort((a, b) => (String(a) < String(b) ? -1 : 1));
  if (!ids.length) return 0;
  const first = await takeNumbers(PUBLIC_SEQUENCE, ids.length);
  await bulkWriteInChunks(
    PublicComplaintModel,
    ids.map((_id, i) => ({ updateOne: { filter: { _id }, update: { $set: { seq: first + i, band: bandOf(first + i) } } } })),
    4,
  );
  return ids.length;
}

let numbered = false;

/** Whether every record has its number (then the list without a filter reads bands). */
export async function publicNumbered(): Promise<boolean> {
  return (numbered ||= !!(await JobRunModel.exists({ key: BACKFILL })));
}

/** Forgets that the records were numbered (a test that empties the database). */
export const forgetPublicNumbered = () => void (numbered = false);

/**
 * Numbers the records of a database written before the numbers, or by a bulk load, once: at start,
 * awaited before the jobs publish (a restart midway numbers them all again, in the same order). The
 * list reads days until it is done.
 */
export async function backfillPublicNumbers(force = false): Promise<void> {
  if (!force && (await publicNumbered())) return;
  await numberPublicRecords();
  await claim(BACKFILL, 'backfill');
  numbered = true;
}
