// One counted page of a list that a merchant reads as its own records and a bureau as its region's
// (incident reports, post-sampling follow-ups). The merchant's is one pushed-down equality on its
// merchantId with the sort, the other conditions checked on those few rows; the bureau's is the union
// of one equality per region code under its jurisdiction (visiblePage).
import type mongoose from 'mongoose';
import type { Actor } from '../policies/index.js';
import { visiblePage } from './visibility.js';

export async function ownOrRegionPage<T, O>(
  model: mongoose.Model<T>,
  q: {
    actor: Actor;
    asked?: string;
    match: Record<string, unknown>;
    sort: string;
    cursor?: string;
    limit: number;
    present: (row: T & { _id: mongoose.Types.ObjectId }) => O;
  },
): Promise<{ items: O[]; nextCursor: string | null; total: number }> {
  const skip = Number(q.cursor ?? 0);
  let rows: (T & { _id: mongoose.Types.ObjectId })[];
  let more: boolean;
  let total: number;
  if (q.actor.role === 'merchant') {
    const own = (
      await model
        .find({ merchantId: q.actor.orgId } as mongoose.RootFilterQuery<T>)
        .sort({ [q.sort]: -1 })
        .lean<(T & { _id: mongoose.Types.ObjectId })[]>()
    ).filter((r) => Object.entries(q.match).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
    rows = own.slice(skip, skip + q.limit);
    more = own.length > skip + q.limit;
    total = own.length;
  } else {
    const alternatives = [q.match];
    ({ rows, more, total } = await visiblePage(model, {
      actor: q.actor,
      asked: q.asked,
      alternatives,
      sort: [q.sort, -1],
      skip,
      limit: q.limit,
    }));
  }
  return { items: rows.map(q.present), nextCursor: more ? String(skip + q.limit) : null, total };
}
