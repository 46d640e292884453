// A public record as it leaves the server (the public list, the open-data API and its nightly files).
import type { Page } from '../../shared/schemas/common.js';
import type { PublicComplaint, PublicComplaintQuery } from '../../shared/schemas/disclosure.js';
import mongoose from 'mongoose';
import { listBuckets, listTuning, readBuckets, type Bucket } from '../complaints/listBuckets.js';
import { readCounts } from '../counts/ledger.js';
import { PublicComplaintModel, type PublicComplaintRecord } from '../models/PublicComplaint.js';
import { bandedPage } from '../db/sequence.js';
import { PUBLIC_FILTERS, publicBuckets, publicScope, publicView } from './counts.js';
import { filterSequence, filtersNumbered, NUMBERED_FILTERS, PUBLIC_SEQUENCE, publicNumbered } from './numbers.js';

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

/**
 * The sequence and numbering of the numbers a list reads by band, once the records carry them: all
 * records' without a filter, a merchant's or a city's alone (a day of publication holds a whole day's
 * records: numbers.ts). Null for the lists that read days and months.
 */
async function bandsOf(filter: Record<string, unknown>, view: string | null) {
  if (view === '*') return (await publicNumbered()) ? { sequence: PUBLIC_SEQUENCE, numbering: undefined } : null;
  const [only, ...more] = Object.keys(filter);
  if (more.length || !(only! in NUMBERED_FILTERS) || !(await filtersNumbered())) return null;
  const f = only as keyof typeof NUMBERED_FILTERS;
  return { sequence: filterSequence(f, filter[f]), numbering: NUMBERED_FILTERS[f] };
}

/**
 * A page of the public list, newest first by _id, and its total. A list of at most two pages is one
 * read of its equalities; a longer one reads the days (or months) of publication that hold the page,
 * newest first, a few at once, each an equality read of one bucket, as many as the view's counts say
 * the page still lacks. The cursor is the last row's id, whose time says where the buckets resume.
 * Pages and cursors are those of one read sorted by _id, since a record's bucket is its _id's day.
 * Without a filter, or of one merchant or one city, once every record is numbered, the bands of the
 * numbers (in the _ids' order).
 */
async function pageOf(query: PublicComplaintQuery): Promise<Page<PublicComplaint> & { total: number }> {
  const filter = filterOf(query);
  const view = publicView(filter);
  const banded = await bandsOf(filter, view);
  if (banded) {
    const [page, counts] = await Promise.all([
      bandedPage(PublicComplaintModel, banded.sequence, filter, query, banded.numbering),
      readCounts(publicScope(view!)),
    ]);
    return {
      items: page.items.map((r) => presentPublicComplaint(r as PublicComplaintRecord)),
      nextCursor: page.nextCursor,
      total: counts['*'] ?? 0,
    };
  }
  // A view's total is a key of its counts, its buckets exact. Other combinations (a merchant with
  // another filter, three filters) count their rows (the same equalities), which also says whether
  // they are short enough to read whole; their buckets are their smallest filter's view's (upper bounds).
  const single = Object.keys(PUBLIC_FILTERS).filter((f) => filter[f] !== undefined);
  const [counted, ...views] = await Promise.all([
    view === null ? PublicComplaintModel.countDocuments(filter) : null,
    ...(view === null ? [] : [readCounts(publicScope(view))]),
  ]);
  const total = counted ?? (views[0] as Record<string, number>)['*'] ?? 0;
  const cursor = query.cursor ? new mongoose.Types.ObjectId(query.cursor) : null;
  const newer = (r: PublicComplaintRecord) => !cursor || String(r._id) < String(cursor);
  const want = query.limit + 1;
  const read = async (bucket?: Bucket) =>
    (await PublicComplaintModel.find(
      bucket ? { ...filter, [bucket.field === 'tm' ? 'month' : 'day']: bucket.value } : filter,
    ).lean()) as PublicComplaintRecord[];
  let rows: PublicComplaintRecord[];
  if (total <= Math.min(listTuning.wholeUpTo, listTuning.wholePages * want)) rows = (await read()).filter(newer);
  else {
    const all = views.length
      ? (views as Record<string, number>[])
      : await Promise.all(single.map((f) => readCounts(publicScope(publicView({ [f]: filter[f] })!))));
    const counts = all.reduce((a, b) => ((b['*'] ?? 0) < (a['*'] ?? 0) ? b : a));
    rows = await readBuckets(listBuckets(counts, 't', '*', cursor ? publicBuckets(cursor).day : undefined, want), want, async (b) =>
      (await read(b)).filter(newer),
    );
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
