// Public records written straight into the read model, published at a chosen time (their `_id`'s),
// and the list they make read sorted by `_id`: what the public list's pages are checked against.
import mongoose from 'mongoose';
import { publicBuckets, publicId } from '../../server/disclosure/counts.js';
import { paginate } from '../../server/http/paginate.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';

type Store = { _id: mongoose.Types.ObjectId; merchantId: mongoose.Types.ObjectId; cityCode: string; countyCode: string };

/** A resolved record of `store` published at `at`, with `over` on top. */
export function publishedRecord(store: Store, at: number, over: Record<string, unknown> = {}) {
  const _id = publicId(new Date(at));
  return {
    _id,
    ...publicBuckets(_id),
    complaintId: new mongoose.Types.ObjectId(),
    merchantId: store.merchantId,
    merchantName: 'M',
    storeId: store._id,
    storeName: 'S',
    cityCode: store.cityCode,
    countyCode: store.countyCode,
    category: 'toy',
    problemType: 'quality',
    demand: { type: 'refund' },
    outcome: 'resolved',
    filedOn: '2026-11-01',
    publishedAt: _id.getTimestamp(),
    ...over,
  };
}

/** Every page of the records matching `filter`, read sorted by `_id`, and their count. */
export async function sortedPublicRead(filter: Record<string, unknown>, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const p = await paginate(PublicComplaintModel, filter, { limit, cursor });
    pages.push(p.items.map((x) => String(x._id)));
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return { total: await PublicComplaintModel.countDocuments(filter), pages };
}
