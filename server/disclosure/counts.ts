// The public list's counts in the count ledger (server/counts/ledger.ts). Without a filter its page
// and its total each read every published record (FerretDB sorts and counts in memory what the
// equalities select, here everything), and a city's or a merchant's list all of theirs. So each record
// carries the Shanghai month and day of its `_id` (made at publication, the list's order), and each
// view the list filters by (all, a merchant, a city, a problem type, a category, and two of the last
// three together, as the public page chooses them) has a scope counting its records in total (`*`) and
// per month and day (`tm:<month>|*`, `td:<day>|*`): a page reads the buckets that hold it (present.ts,
// listBuckets.ts) and its total is one key. A record's filter fields never change once published, so
// each record adds its counts once, under ids naming its complaint.
import mongoose from 'mongoose';
import { bucketsOf } from '../complaints/listBuckets.js';
import { addDeltas, tallyAdd, type Tally } from '../counts/ledger.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';

/** The list's filters and the prefix of each one's views. */
export const PUBLIC_FILTERS = { merchantId: 'm', cityCode: 'c', problemType: 'p', category: 'k' } as const;
export type PublicFilter = keyof typeof PUBLIC_FILTERS;

/**
 * Filters a view may pair: a city, a category and a problem type are chosen together on the public
 * page; a merchant's list is short enough alone.
 */
const PAIRED: PublicFilter[] = ['cityCode', 'category', 'problemType'];

export const publicScope = (view: string) => `public:${view}`;

/**
 * The view a list's filters read (`*` without one, one filter's, or two paired filters'), or null
 * for other combinations (their rows are counted; see present.ts).
 */
export function publicView(filter: Partial<Record<PublicFilter, unknown>>): string | null {
  const set = (Object.keys(PUBLIC_FILTERS) as PublicFilter[]).filter((f) => filter[f] !== undefined);
  if (set.length > 2 || (set.length === 2 && !set.every((f) => PAIRED.includes(f)))) return null;
  return set.length ? set.map((f) => `${PUBLIC_FILTERS[f]}:${String(filter[f])}`).join('&') : '*';
}

/** The views a record is in: all, each filter's, each pair's. */
function viewsOf(r: Record<PublicFilter, unknown>): string[] {
  const pairs = PAIRED.flatMap((a, i) => PAIRED.slice(i + 1).map((b) => ({ [a]: r[a], [b]: r[b] })));
  return [{}, ...(Object.keys(PUBLIC_FILTERS) as PublicFilter[]).map((f) => ({ [f]: r[f] })), ...pairs].map((f) => publicView(f)!);
}

/** The month and day buckets of a record: its `_id`'s time. */
export const publicBuckets = (id: mongoose.Types.ObjectId) => bucketsOf(id.getTimestamp());

/**
 * A record's `_id` made for a publication at `at`: that time, then a fresh id's unique rest. The seeds
 * publish history at once, and the list's order (and its buckets) is the publication's.
 */
export function publicId(at: Date): mongoose.Types.ObjectId {
  const time = Math.floor(at.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return new mongoose.Types.ObjectId(time + new mongoose.Types.ObjectId().toHexString().slice(8));
}

/** What a record adds to the counts of each of its views. */
export function publicCounts(r: { day: string } & Record<PublicFilter, unknown>): { scope: string; d: Record<string, number> }[] {
  const d = { '*': 1, [`tm:${r.day.slice(0, 7)}|*`]: 1, [`td:${r.day}|*`]: 1 };
  return viewsOf(r).map((v) => ({ scope: publicScope(v), d }));
}

type Counted = Parameters<typeof publicCounts>[0] & { complaintId: unknown };

/** A record's delta rows: a replay of its publication adds nothing. */
export const publicCountDeltas = (r: Counted) => publicCounts(r).map((c) => ({ _id: `${c.scope}|pub:${String(r.complaintId)}`, ...c }));

/** Adds records written in bulk to a load's tally (the seeds). */
export function tallyPublic(records: Counted[], tally: Tally): void {
  for (const r of records) for (const { scope, d } of publicCounts(r)) tallyAdd(tally, scope, d);
}

/** The fields the counts read (a projection). */
export const PUBLIC_COUNTED = { complaintId: 1, day: 1, merchantId: 1, cityCode: 1, problemType: 1, category: 1 } as const;

const BACKFILL = 'backfill:public-counts-v1';
/** The pairs of filters, added to a database counted by v1. */
const BACKFILL_PAIRS = 'backfill:public-counts-v2';

/** A v1 delta: a view of one filter or none. */
const v1Delta = (scope: string) => !scope.includes('&');

/**
 * Records published before these counts existed get their buckets and counts once per database, at
 * start, with the live path's delta ids (a publication meanwhile counts nothing twice); a database
 * counted before the pairs gets those alone (its v1 deltas may be sealed and gone, so
 * adding them again would count them twice). The seeds run it first, so the records they count in
 * their tally are not counted again at a later start.
 */
export async function backfillPublicCounts(batch = 500): Promise<void> {
  const [counted, pairs] = await Promise.all([JobRunModel.exists({ key: BACKFILL }), JobRunModel.exists({ key: BACKFILL_PAIRS })]);
  if (counted && pairs) return;
  for (;;) {
    const rows = await PublicComplaintModel.find({ day: { $exists: false } }, { _id: 1 })
      .limit(batch)
      .lean();
    if (!rows.length) break;
    for (const r of rows) await PublicComplaintModel.updateOne({ _id: r._id }, { $set: publicBuckets(r._id) });
  }
  const deltas = (r: Counted) => publicCountDeltas(r).filter((x) => !counted || !v1Delta(x.scope));
  let after: unknown = null;
  for (;;) {
    const rows = (await PublicComplaintModel.find(after ? { _id: { $gt: after } } : {}, PUBLIC_COUNTED)
      .sort({ _id: 1 })
      .limit(batch)
      .lean()) as (Counted & { _id: unknown })[];
    if (!rows.length) break;
    await addDeltas(rows.flatMap(deltas));
    after = rows[rows.length - 1]!._id;
  }
  if (!counted) await claim(BACKFILL, 'backfill');
  if (!pairs) await claim(BACKFILL_PAIRS, 'backfill');
}
