// One counted page of a list that a merchant reads as its own records and a bureau as its region's
// (incident reports, post-sampling follow-ups). The merchant's is one pushed-down equality on its
// merchantId with the sort, the other conditions checked on those few rows; the bureau's is the union
// of one equality per region code under its jurisdiction (visiblePage).
import type mongoose from 'mongoose';
import type { Actor } from '../policies/index.js';
import { visibleCountedPage } from './visibility.js';

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
  if (q.actor.role !== 'merchant') {
    return visibleCountedPage(model, { ...q, alternatives: [q.match], sort: [q.sort, -1] });
  }
  const skip = Number(q.cursor ?? 0);
  const own = (
    await model
      .find({ merchantId: q.actor.orgId } as mongoose.RootFilterQuery<T>)
      .sort({ [q.sort]: -1 })
      .lean<(T & { _id: mongoose.Types.ObjectId })[]>()
  ).filter((r) => Object.entries(q.match).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
  return {
    items: own.slice(skip, skip + q.limit).map(q.present),
    nextCursor: own.length > skip + q.limit ? String(skip + q.limit) : null,
    total: own.length,
  };
}
