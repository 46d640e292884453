// GET /api/return-requests: a page of the return requests an actor sees, and its result count. Every
// filter is a top-level equality (visibility, store, status, breach; listKeys.ts), so a page holds
// exactly what it matched. A merchant's list (the desk; headquarters, store staff, or an admin naming
// the merchant) is read from the merchant's counts in the ledger (counts.ts): the total is a key of
// it, and a long list is read a month or a day at a time (listBuckets.ts), newest first, instead of every
// request of the merchant, which FerretDB would read and sort in memory for each page and again for the
// count. A consumer's list and a bureau's read the same way from their own scopes (the whole view
// only: a store filter there counts its rows); an admin's unfiltered list stays one read sorted by _id.
import mongoose from 'mongoose';
import type { ReturnListQuery } from '../../shared/schemas/returns.js';
import { listBuckets, listTuning, readBuckets } from '../complaints/listBuckets.js';
import { readCounts } from '../counts/ledger.js';
import { badRequest } from '../http/errors.js';
import { paginate } from '../http/paginate.js';
import { ReturnRequestModel, type ReturnRequestRecord } from '../models/ReturnRequest.js';
import type { Actor } from '../policies/index.js';
import { visibleReturns } from '../policies/returns.js';
import { bureauReturnScope, consumerReturnScope, returnListScope } from './counts.js';

type Page = { items: ReturnRequestRecord[]; nextCursor: string | null; total: number };

/** Newest first: by day of recording, then by _id (the order of the day and month buckets). */
const newestFirst = (a: ReturnRequestRecord, b: ReturnRequestRecord) =>
  b.day.localeCompare(a.day) || (String(b._id) > String(a._id) ? 1 : String(b._id) < String(a._id) ? -1 : 0);

/**
 * A list's view and state in its scope: the view bounds its buckets, view and state name its count.
 * The count is null for a combination the ledger does not count (store staff filtering by another
 * store, a status with a breach filter, a store in a scope without store views): those count their rows.
 */
function ledgerKeys(filter: Record<string, unknown>, q: ReturnListQuery, storeViews: boolean): { view: string; count: string | null } {
  const staff = filter.returnStoreId ? `r:${String(filter.returnStoreId)}` : null;
  const view = staff ?? (q.storeId && storeViews ? `s:${q.storeId}` : '*');
  const state = q.status ? `s:${q.status}` : q.breach !== undefined ? `b:${q.breach ? 1 : 0}` : '*';
  const exact = !(staff && q.storeId) && !(q.status && q.breach !== undefined) && !(q.storeId && !storeViews);
  return { view, count: exact ? `${view}|${state}` : null };
}

/** The ledger scope a list is counted in, and whether it counts store views (a merchant's): null for an admin's unfiltered list. */
function scopeOf(filter: Record<string, unknown>): { scope: string; storeViews: boolean } | null {
  if (filter.consumerId) return { scope: consumerReturnScope(filter.consumerId), storeViews: false };
  if (filter.regionKeys) return { scope: bureauReturnScope(String(filter.regionKeys)), storeViews: false };
  if (filter.merchantId) return { scope: returnListScope(filter.merchantId), storeViews: true };
  return null;
}

async function ledgerPage(scope: string, storeViews: boolean, filter: Record<string, unknown>, q: ReturnListQuery): Promise<Page> {
  const { view, count } = ledgerKeys(filter, q, storeViews);
  let after: { day: string; id: string } | null = null;
  if (q.cursor) {
    // The cursor stays the last row's id; its day says where the buckets resume.
    const row = mongoose.isValidObjectId(q.cursor) ? await ReturnRequestModel.findById(q.cursor, { day: 1 }).lean() : null;
    if (!row) throw badRequest('cursor is not valid');
    after = { day: row.day, id: String(row._id) };
  }
  const [counts, total] = await Promise.all([readCounts(scope), count ? null : ReturnRequestModel.countDocuments(filter)]);
  const older = (r: ReturnRequestRecord) => !after || r.day < after.day || (r.day === after.day && String(r._id) < after.id);
  const read = async (bucket?: { field: 'month' | 'day'; value: string }) =>
    ((await ReturnRequestModel.find(bucket ? { ...filter, [bucket.field]: bucket.value } : filter).lean()) as ReturnRequestRecord[]).filter(
      older,
    );
  const want = q.limit + 1;
  // A request is a large document (its coverage), and what a read costs on this engine is its rows: so
  // a list longer than its page reads the months (or days) that hold the page, about one page, not the
  // whole list up to `wholeUpTo` (the demo consumer's page of 50 read all 89 of their requests; now the
  // newest three months, 55, at once). By day it would be 53 rows in 19 reads, three rounds of them.
  const rows =
    (counts[`${view}|*`] ?? 0) <= Math.min(listTuning.wholeUpTo, want)
      ? await read()
      : await readBuckets(listBuckets(counts, 't', view, after?.day, want), want, (b) =>
          read({ field: b.field === 'tm' ? 'month' : 'day', value: b.value }),
        );
  rows.sort(newestFirst);
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1]!._id) : null, total: total ?? counts[count!] ?? 0 };
}

export async function listReturns(actor: Actor, q: ReturnListQuery): Promise<Page> {
  const filter = visibleReturns(actor, q.merchantId);
  if (q.storeId) filter.storeIds = q.storeId;
  if (q.status) filter.status = q.status;
  if (q.breach !== undefined) filter.breach = q.breach;
  const counted = scopeOf(filter);
  if (counted) return ledgerPage(counted.scope, counted.storeViews, filter, q);
  // The result count reads the same top-level equalities as the page (test/db/pushdown.test.ts).
  const [p, total] = await Promise.all([paginate(ReturnRequestModel, filter, q), ReturnRequestModel.countDocuments(filter)]);
  return { ...p, total };
}
