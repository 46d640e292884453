// Lists matching canSee() for records carrying `regionCodes`: a regulator sees those with a region
// inside its own. FerretDB pushes down no $in, so a list is the union of one equality read per region
// code under the actor's (a county: one; a city: its counties and itself) and per value of the other
// conditions, each selecting the few flags, cases or reviews of one region; merged and ordered here.
import type mongoose from 'mongoose';
import { PROVINCE_CODE, regionContains } from '../../shared/regions.js';
import { RegionModel } from '../models/Region.js';
import { regionFor, type Actor } from '../policies/index.js';

let allCodes: string[] | null = null;

/** Every region code the database knows (GB/T 2260: fixed while the server runs). */
export async function knownRegionCodes(): Promise<Set<string>> {
  if (!allCodes?.length) allCodes = (await RegionModel.find({}, { code: 1 }).lean()).map((r) => r.code);
  return new Set(allCodes);
}

export async function codesUnder(region: string): Promise<string[]> {
  const known = await knownRegionCodes();
  return [...new Set([region, ...[...known].filter((c) => regionContains(region, c))])];
}

type Sort = [field: string, dir: 1 | -1];
const value = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : String(v ?? ''));
const compare = (a: unknown, b: unknown) => {
  const [x, y] = [value(a), value(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * One offset page of the records the actor may see that match one of `alternatives` (equalities),
 * ordered by `sort` then _id. Each read is an equality the engine pushes down; none is sorted there.
 */
export async function visiblePage<T>(
  model: mongoose.Model<T>,
  q: { actor: Actor; asked?: string; alternatives: Record<string, unknown>[]; sort: Sort; skip: number; limit: number },
): Promise<{ rows: (T & { _id: mongoose.Types.ObjectId })[]; more: boolean; total: number }> {
  // A region outside the actor's jurisdiction answers 403 (server/policies/jurisdiction.ts).
  const region = regionFor(q.actor, q.asked);
  const regions = region === PROVINCE_CODE ? [{}] : (await codesUnder(region)).map((code) => ({ regionCodes: code }));
  const parts = await Promise.all(
    regions.flatMap((r) => q.alternatives.map((a) => model.find({ ...r, ...a }).lean<(T & { _id: mongoose.Types.ObjectId })[]>())),
  );
  const byId = new Map<string, T & { _id: mongoose.Types.ObjectId }>();
  for (const row of parts.flat()) byId.set(String(row._id), row);
  const [field, dir] = q.sort;
  const rows = [...byId.values()].sort(
    (a, b) => dir * compare((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]) || compare(a._id, b._id),
  );
  // Every match is read to order them, so the result count costs nothing more.
  return { rows: rows.slice(q.skip, q.skip + q.limit), more: rows.length > q.skip + q.limit, total: rows.length };
}

/** visiblePage as the API's counted page: the cursor is the offset, each row presented. */
export async function visibleCountedPage<T, O>(
  model: mongoose.Model<T>,
  q: {
    actor: Actor;
    asked?: string;
    alternatives: Record<string, unknown>[];
    sort: Sort;
    cursor?: string;
    limit: number;
    present: (row: T & { _id: mongoose.Types.ObjectId }) => O;
  },
): Promise<{ items: O[]; nextCursor: string | null; total: number }> {
  const skip = Number(q.cursor ?? 0);
  const { rows, more, total } = await visiblePage(model, { ...q, skip });
  return { items: rows.map(q.present), nextCursor: more ? String(skip + q.limit) : null, total };
}
