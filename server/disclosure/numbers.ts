// The public list without a filter, a band of publication numbers at a time. Its day buckets
// (counts.ts) are too coarse there: a disclosure falls due at the start of a working day and the
// deadline job publishes the day's at 00:01, so the newest day held 47 records at 5k complaints and
// about 1,000 at 200k, every one read for a page of 20 (FerretDB sorts in memory). Each record gets a
// number of the `public` sequence (server/db/sequence.ts) in the order of its `_id`, and `{band}`
// selects at most BAND of them: a page reads one or two bands, whatever the number of records.
// A merchant's list and a city's read their newest day whole for the same reason (about 60 rows for
// the largest chain at 200k, 40 for a large city at 50k): each record also gets a number among its
// merchant's and its city's records, of a sequence per merchant and per city (`public:m:<id>`,
// `public:c:<code>`), taken in the same chain, so these numbers' order is the `_id`s' too.
import mongoose from 'mongoose';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { readDirect, setIntsDirect } from '../db/directWrites.js';
import { bandOf, takeNumbers, type Numbering } from '../db/sequence.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';
import { PUBLIC_FILTERS } from './counts.js';

export const PUBLIC_SEQUENCE = 'public';
const BACKFILL = 'backfill:public-numbers';
/** The numbers per merchant and per city, added to a database numbered before them. */
const FILTER_BACKFILL = 'backfill:public-filter-numbers';

// Smaller than the list without a filter's: a page of 20 reads two of these bands whole (the bands
// that hold it are known, its numbers being dense), and the merchant's box of 5 mostly one.
const FILTER_BAND = 20;

/** The filters whose lists read bands of their own numbers, and each one's numbering. */
export const NUMBERED_FILTERS = {
  merchantId: { seq: 'merchantSeq', band: 'merchantBand', size: FILTER_BAND, dense: true },
  cityCode: { seq: 'citySeq', band: 'cityBand', size: FILTER_BAND, dense: true },
} as const satisfies Record<string, Numbering>;
type NumberedFilter = keyof typeof NUMBERED_FILTERS;
const numberedFilters = Object.keys(NUMBERED_FILTERS) as NumberedFilter[];

/** The sequence of the records of one merchant or one city. */
export const filterSequence = (filter: NumberedFilter, value: unknown) => `${PUBLIC_SEQUENCE}:${PUBLIC_FILTERS[filter]}:${String(value)}`;

/** A record's number and band fields of `filter`, for its `seq`. */
const filterNumber = (filter: NumberedFilter, seq: number) => {
  const f = NUMBERED_FILTERS[filter];
  return { [f.seq]: seq, [f.band]: bandOf(seq, f.size) };
};

let taking: Promise<unknown> = Promise.resolve();

type Filters = Record<NumberedFilter, unknown>;

/**
 * A live publication's `_id` and numbers (of all records, of its merchant's, of its city's), made one
 * after the other in this process, so a later number never gets an earlier `_id`: the numbers' order
 * is the `_id`s' (publications on two instances in the same moment may be numbered in either order).
 */
export function numberedId(record: Filters): Promise<{ _id: mongoose.Types.ObjectId; numbers: Record<string, number> }> {
  const next = taking.then(async () => {
    const [seq, ...own] = await Promise.all([
      takeNumbers(PUBLIC_SEQUENCE, 1),
      ...numberedFilters.map((f) => takeNumbers(filterSequence(f, record[f]), 1)),
    ]);
    const numbers: Record<string, number> = { seq: seq!, band: bandOf(seq!) };
    numberedFilters.forEach((f, i) => Object.assign(numbers, filterNumber(f, own[i]!)));
    return { _id: new mongoose.Types.ObjectId(), numbers };
  });
  taking = next.catch(() => undefined);
  return next;
}

/**
 * Numbers every record in `_id` order, above every number taken before (a record numbered live gets
 * a new number too), so the numbers' order is the `_id`s' whatever wrote the records: records written
 * in bulk (the seeds, out of order across their batches) or before the numbers existed. Its numbers
 * among its merchant's and its city's records always; among all records when `all` (a database whose
 * list without a filter reads bands already keeps those: renumbering them would reorder its pages
 * meanwhile). Nothing may publish meanwhile: the seeds run it at their end (the server is stopped),
 * the server through backfillPublicNumbers, which holds its live numbering.
 */
export async function numberPublicRecords(all = true): Promise<number> {
  // The seeders read and set them straight in the table (directWrites.ts); otherwise through the driver.
  const read = ['_id', ...numberedFilters];
  const direct = await readDirect(PublicComplaintModel.collection, read);
  const found: Record<string, unknown>[] =
    direct ?? (await PublicComplaintModel.find({}, Object.fromEntries(read.map((f) => [f, 1]))).lean());
  const rows = found.sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  if (!rows.length) return 0;
  const ids = rows.map((r) => String(r._id));
  // Each field's values, in the order of the ids.
  const fields: Record<string, number[]> = {};
  const put = (numbers: Record<string, number>) => {
    for (const [field, v] of Object.entries(numbers)) (fields[field] ??= []).push(v);
  };
  const first = all ? await takeNumbers(PUBLIC_SEQUENCE, ids.length) : 0;
  // Per merchant and per city one block of as many numbers as it has records, handed out in _id order.
  const names = rows.map((r) => numberedFilters.map((f) => filterSequence(f, r[f])));
  const next = new Map<string, number>();
  for (const name of names.flat()) next.set(name, (next.get(name) ?? 0) + 1);
  for (const [name, n] of next) next.set(name, await takeNumbers(name, n));
  names.forEach((own, i) => {
    if (all) put({ seq: first + i, band: bandOf(first + i) });
    own.forEach((name, j) => {
      const seq = next.get(name)!;
      next.set(name, seq + 1);
      put(filterNumber(numberedFilters[j]!, seq));
    });
  });
  if (!(await setIntsDirect(PublicComplaintModel.collection, ids, fields)))
    await bulkWriteInChunks(
      PublicComplaintModel,
      ids.map((_id, i) => ({
        updateOne: { filter: { _id }, update: { $set: Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, v[i]])) } },
      })),
      4,
    );
  return ids.length;
}

const numbered = new Set<string>();
const isNumbered = async (key: string) => numbered.has(key) || (!!(await JobRunModel.exists({ key })) && !!numbered.add(key));

/** Whether every record has its number (then the list without a filter reads bands). */
export const publicNumbered = () => isNumbered(BACKFILL);

/** Whether every record has its merchant's and its city's numbers (then their lists read bands). */
export const filtersNumbered = () => isNumbered(FILTER_BACKFILL);

/** Forgets that the records were numbered (a test that empties the database). */
export const forgetPublicNumbered = () => numbered.clear();

/**
 * Numbers the records of a database written before the numbers (or before the numbers per merchant
 * and city: then only those), or by a bulk load, once. It holds this process's live numbering
 * (numberedId) until done, so a publication meanwhile is numbered after every record it renumbers:
 * the start does not wait for it (3,500 demo records took half a minute at first start) and the lists
 * read days until it is done. A restart midway numbers them all again, in the same order. Resolves to
 * the records numbered (0: nothing to do).
 */
export function backfillPublicNumbers(force = false): Promise<number> {
  const run = taking.then(async () => {
    const all = force || !(await publicNumbered());
    if (!all && (await filtersNumbered())) return 0;
    const n = await numberPublicRecords(all);
    for (const key of [BACKFILL, FILTER_BACKFILL]) {
      await claim(key, 'backfill');
      numbered.add(key);
    }
    return n;
  });
  taking = run.catch(() => undefined);
  return run;
}
