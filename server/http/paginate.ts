import mongoose, { type Model } from 'mongoose';
import { badRequest } from './errors.js';

/**
 * Newest-first keyset pagination on _id: the cursor is the last id of the previous page,
 * so pages stay stable while new records arrive.
 */
export async function paginate<T>(
  model: Model<T>,
  filter: Record<string, unknown>,
  opts: { limit: number; cursor?: string },
): Promise<{ items: (T & { _id: mongoose.Types.ObjectId })[]; nextCursor: string | null }> {
  const f: Record<string, unknown> = { ...filter };
  if (opts.cursor) {
    if (!mongoose.isValidObjectId(opts.cursor)) throw badRequest('cursor is not valid');
    f._id = { $lt: new mongoose.Types.ObjectId(opts.cursor) };
  }
  const rows = (await model
    .find(f)
    .sort({ _id: -1 })
    .limit(opts.limit + 1)
    .lean()) as (T & { _id: mongoose.Types.ObjectId })[];
  const more = rows.length > opts.limit;
  const items = more ? rows.slice(0, opts.limit) : rows;
  return { items, nextCursor: more ? String(items[items.length - 1]!._id) : null };
}

/** A user's search text as a literal, case-insensitive pattern. */
export function literalPattern(q: string): RegExp {
  return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

/**
 * One page of a list cursored by offset (the cursor is how many rows came before): `read` fetches one
 * row more than the page, which says whether another page follows.
 */
export async function offsetPage<T, U>(
  q: { cursor?: string; limit: number },
  read: (skip: number, limit: number) => Promise<T[]>,
  present: (row: T) => U,
): Promise<{ items: U[]; nextCursor: string | null }> {
  const skip = Number(q.cursor ?? 0);
  const rows = await read(skip, q.limit + 1);
  return { items: rows.slice(0, q.limit).map(present), nextCursor: rows.length > q.limit ? String(skip + q.limit) : null };
}
