// A public record as it leaves the server (the public list, the open-data API and its nightly files).
import type { Page } from '../../shared/schemas/common.js';
import type { PublicComplaint, PublicComplaintQuery } from '../../shared/schemas/disclosure.js';
import mongoose from 'mongoose';
import { listBuckets, listTuning, readBuckets, type Bucket } from '../complaints/listBuckets.js';
import { readCounts } from '../counts/ledger.js';
import { PublicComplaintModel, type PublicComplaintRecord } from '../models/PublicComplaint.js';
import { PUBLIC_FILTERS, publicBuckets, publicHoursScope, publicScope, publicView } from './counts.js';

const iso = (d: Date) => new Date(d).toISOString();

export function presentPublicComplaint(r: PublicComplaintRecord): PublicComplaint {
  return {
    id: String(r._id),
    merchantId: String(r.merchantId),
    merchantName: r.merchantName,
    storeId: String(r.storeId),
    storeName: r.storeName,
    cityCode: r.cityCode,
    countyCode: r.countyCode,
    category: r.category as PublicComplaint['category'],
    problemType: r.problemType as PublicComplaint['problemType'],
    demand: {
      type: r.demand!.type as PublicComplaint['demand']['type'],
      ...(r.demand!.amountFen != null ? { amountFen: r.demand!.amountFen } : {}),
    },
    outcome: r.outcome as PublicComplaint['outcome'],
    ...(r.remedyStatus ? { remedyStatus: r.remedyStatus as PublicComplaint['remedyStatus'] } : {}),
    filedOn: r.filedOn,
    ...(r.closedOn ? { closedOn: r.closedOn } : {}),
    publishedAt: iso(r.publishedAt),
    ...(r.merchantComment?.text ? { merchantComment: { text: r.merchantComment.text, at: iso(r.merchantComment.at!) } } : {}),
    ...(r.description ? { description: r.description } : {}),
  };
}

/** The list's filters that are set: each an indexed equality. */
function filterOf(query: PublicComplaintQuery) {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

/** The record field of each bucket. */
const FIELD = { tm: 'month', td: 'day', th: 'hour' } as const;

/** A day of a view is read by its hours when it holds more than it may read whole (a month's rule, listBuckets.ts). */
const byHours = (n: number, lacking: number) => n > listTuning.wholeUpTo || n > 2 * lacking;

/** The hours of `day` with records, newest first. */
function hourBuckets(hours: Record<string, number>, day: string): Bucket[] {
  const out: Bucket[] = [];
  for (const [k, n] of Object.entries(hours)) {
    const hour = k.slice(3, k.length - 2);
    if (n > 0 && hour.startsWith(day) && k.endsWith('|*')) out.push({ field: 'th', value: hour, n });
  }
  return out.sort((a, b) => (a.value < b.value ? 1 : -1));
}

/**
 * The month a view's first page last read by its hours: the next first page reads that month's hour
 * counts beside the view's (a stale month costs a wasted read, never a wrong page). Short strings,
 * a few thousand at most.
 */
const firstByHour = new Map<string, string>();
const HINTS = 4000;
function remember(view: string, month: string | undefined) {
  firstByHour.delete(view);
  if (month === undefined) return;
  firstByHour.set(view, month);
  if (firstByHour.size > HINTS) firstByHour.delete(firstByHour.keys().next().value!);
}

/**
 * The rows of a page plus one from the buckets its counts give, newest first: months and days, and
 * with `hoursOf` (a view's exact counts) a day larger than it may read whole by its hours, so a page
 * reads about a page of rows however many records a day holds. Returns them and the month whose
 * hours it read, if any.
 */
async function bucketRows(
  counts: Record<string, number>,
  want: number,
  read: (b: Bucket) => Promise<PublicComplaintRecord[]>,
  cursor: { day: string; hour: string } | undefined,
  hoursOf?: (month: string) => Promise<Record<string, number>>,
): Promise<{ rows: PublicComplaintRecord[]; hoursMonth?: string }> {
  const buckets = listBuckets(counts, 't', '*', cursor?.day, want);
  const rows: PublicComplaintRecord[] = [];
  let hoursMonth: string | undefined;
  for (let i = 0; rows.length < want && i < buckets.length;) {
    const lacking = want - rows.length;
    const b = buckets[i]!;
    if (hoursOf && b.field === 'td' && byHours(b.n, lacking)) {
      hoursMonth ??= b.value.slice(0, 7);
      const hours = hourBuckets(await hoursOf(b.value.slice(0, 7)), b.value);
      // Hours that do not add up to the day (a publication's deltas half written): the day whole.
      const exact = hours.reduce((a, h) => a + h.n, 0) === b.n;
      const from = cursor?.day === b.value ? hours.filter((h) => h.value <= cursor.hour) : hours;
      rows.push(...(await readBuckets(exact ? from : [b], lacking, read)));
      i++;
      continue;
    }
    const batch: Bucket[] = [];
    for (let need = lacking; i < buckets.length && need > 0; i++) {
      const c = buckets[i]!;
      if (hoursOf && c.field === 'td' && byHours(c.n, need)) break;
      batch.push(c);
      need -= c.n;
    }
    rows.push(...(await readBuckets(batch, lacking, read)));
  }
  return { rows, hoursMonth };
}

/**
 * A page of the public list, newest first by _id, and its total. A list of at most two pages is one
 * read of its equalities; a longer one reads the months, days or hours of publication that hold the
 * page, newest first, a few at once, each an equality read of one bucket, as many as the view's counts
 * say the page still lacks. The cursor is the last row's id, whose time says where the buckets resume.
 * Pages and cursors are those of one read sorted by _id, since a record's buckets are its _id's time.
 */
async function pageOf(query: PublicComplaintQuery): Promise<Page<PublicComplaint> & { total: number }> {
  const filter = filterOf(query);
  const view = publicView(filter);
  const cursor = query.cursor ? new mongoose.Types.ObjectId(query.cursor) : null;
  const at = cursor ? publicBuckets(cursor) : undefined;
  const newer = (r: PublicComplaintRecord) => !cursor || String(r._id) < String(cursor);
  const want = query.limit + 1;
  const read = async (bucket?: Bucket) =>
    (
      (await PublicComplaintModel.find(
        bucket ? { ...filter, [FIELD[bucket.field as keyof typeof FIELD]]: bucket.value } : filter,
      ).lean()) as PublicComplaintRecord[]
    ).filter(newer);
  const short = (total: number) => total <= Math.min(listTuning.wholeUpTo, listTuning.wholePages * want);
  let rows: PublicComplaintRecord[];
  let total: number;
  if (view !== null) {
    // One view: its total is a key of its counts, its buckets exact down to the hour. The hours of the
    // month its last first page read (or of the cursor's) are read beside its counts.
    const early = new Map<string, Promise<Record<string, number>>>();
    const hoursOf = (month: string) => {
      let r = early.get(month);
      if (!r) early.set(month, (r = readCounts(publicHoursScope(view, month))));
      return r;
    };
    const hinted = at?.month ?? firstByHour.get(view);
    // Read ahead, perhaps for nothing: its failure is the page's only if the page awaits it.
    if (hinted) void hoursOf(hinted).catch(() => {});
    const counts = await readCounts(publicScope(view));
    total = counts['*'] ?? 0;
    if (short(total)) rows = await read();
    else {
      const got = await bucketRows(counts, want, read, at, hoursOf);
      if (!cursor) remember(view, got.hoursMonth);
      rows = got.rows;
    }
  } else {
    // Other combinations count their rows (the same equalities), which also says whether they are
    // short enough to read whole; their buckets are those of their smallest filter's view (upper bounds).
    total = await PublicComplaintModel.countDocuments(filter);
    if (short(total)) rows = await read();
    else {
      const views = await Promise.all(
        Object.keys(PUBLIC_FILTERS)
          .filter((f) => filter[f] !== undefined)
          .map((f) => readCounts(publicScope(publicView({ [f]: filter[f] })!))),
      );
      rows = (
        await bucketRows(
          views.reduce((a, b) => ((b['*'] ?? 0) < (a['*'] ?? 0) ? b : a)),
          want,
          read,
          at,
        )
      ).rows;
    }
  }
  rows.sort((a, b) => (String(a._id) < String(b._id) ? 1 : -1));
  const items = rows.slice(0, query.limit);
  return {
    items: items.map(presentPublicComplaint),
    nextCursor: rows.length > query.limit ? String(items[items.length - 1]!._id) : null,
    total,
  };
}

/** A page of the public list (the open-data API). */
export async function listPublicComplaints(query: PublicComplaintQuery): Promise<Page<PublicComplaint>> {
  const { items, nextCursor } = await pageOf(query);
  return { items, nextCursor };
}

/** A page of the public list and its total. */
export async function countedPublicComplaints(query: PublicComplaintQuery): Promise<Page<PublicComplaint> & { total: number }> {
  return pageOf(query);
}
