// Public records written straight into the read model, published at a chosen time (their `_id`'s),
// and the list they make read sorted by `_id`: what the public list's pages are checked against.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { publicBuckets, publicId } from '../../server/disclosure/counts.js';
import { paginate } from '../../server/http/paginate.js';
import { BAND, bandOf } from '../../server/db/sequence.js';
import { NUMBERED_FILTERS } from '../../server/disclosure/numbers.js';
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

/**
 * Fails unless every record's numbers (among all records, its merchant's, its city's) follow the
 * order of the ids, one after the other, each in its band; `stored` sorted by _id, as stored. Returns
 * them with each number as its rank and each band 0: two numberings of the same records compare equal.
 */
export function rankedNumbers(stored: Record<string, unknown>[]): string[] {
  const numberings = [['', { seq: 'seq', band: 'band', size: BAND }], ...Object.entries(NUMBERED_FILTERS)] as const;
  const groups = new Map<string, { first: number; rank: number }>();
  return stored.map((d) => {
    const ranked = { ...d };
    for (const [filter, n] of numberings) {
      const seq = d[n.seq] as number;
      const key = `${n.seq}:${filter ? String(d[filter]) : ''}`;
      const g = groups.get(key) ?? { first: seq, rank: 0 };
      groups.set(key, { first: g.first, rank: g.rank + 1 });
      const rank = g.rank;
      expect([seq, d[n.band]], `${n.seq} of ${String(d._id)}`).to.deep.equal([g.first + rank, bandOf(g.first + rank, n.size)]);
      Object.assign(ranked, { [n.seq]: rank, [n.band]: 0 });
    }
    return JSON.stringify(ranked);
  });
}
