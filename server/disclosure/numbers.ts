// The public list without a filter, a band of publication numbers at a time. Its day buckets
// (counts.ts) are too coarse there: a disclosure falls due at the start of a working day and the
// deadline job publishes the day's at 00:01, so the newest day held 47 records at 5k complaints and
// about 1,000 at 200k, every one read for a page of 20 (FerretDB sorts in memory). Each record gets a
// number of the `public` sequence (server/db/sequence.ts) in the order of its `_id`, and `{band}`
// selects at most BAND of them: a page reads one or two bands, whatever the number of records.
import mongoose from 'mongoose';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { readDirect, setIntsDirect } from '../db/directWrites.js';
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
 * publish meanwhile: the seeds run it at their end (the server is stopped), the server through
 * backfillPublicNumbers, which holds its live numbering.
 */
export async function numberPublicRecords(): Promise<number> {
  // The seeders read and set them straight in the table (directWrites.ts); otherwise through the driver.
  const direct = await readDirect(PublicComplaintModel.collection, ['_id']);
  const ids = (direct ?? (await PublicComplaintModel.find({}, { _id: 1 }).lean())).map((r) => String(r._id)).sort();
  if (!ids.length) return 0;
  const first = await takeNumbers(PUBLIC_SEQUENCE, ids.length);
  const seq = ids.map((_, i) => first + i);
  const band = seq.map(bandOf);
  if (!(await setIntsDirect(PublicComplaintModel.collection, ids, { seq, band })))
    await bulkWriteInChunks(
      PublicComplaintModel,
      ids.map((_id, i) => ({ updateOne: { filter: { _id }, update: { $set: { seq: seq[i], band: band[i] } } } })),
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
 * Numbers the records of a database written before the numbers, or by a bulk load, once. It holds
 * this process's live numbering (numberedId) until done, so a publication meanwhile is numbered after
 * every record it renumbers: the start does not wait for it (3,500 demo records took half a minute at
 * first start) and the list reads days until it is done. A restart midway numbers them all again, in
 * the same order. Resolves to the records numbered (0: nothing to do).
 */
export function backfillPublicNumbers(force = false): Promise<number> {
  const run = taking.then(async () => {
    if (!force && (await publicNumbered())) return 0;
    const n = await numberPublicRecords();
    await claim(BACKFILL, 'backfill');
    numbered = true;
    return n;
  });
  taking = run.catch(() => undefined);
  return run;
}
