// Documents by a list of ids. FerretDB pushes down `_id` equality but not `$in`: an `$in` over ids
// reads the whole collection and filters after, so a list's few names, figures or stores are read one
// `_id` each, in parallel (MongoDB answers both from the _id index).
import type mongoose from 'mongoose';

interface ById {
  findById(id: string, projection?: Record<string, 0 | 1>): { lean(): PromiseLike<unknown> };
}

/** The documents (lean, typed `T`) of these ids that exist; duplicates and nulls are read once or not at all. */
export async function findByIds<T>(
  model: ById,
  ids: unknown[],
  projection?: Record<string, 0 | 1>,
): Promise<(T & { _id: mongoose.Types.ObjectId })[]> {
  const unique = [...new Set(ids.filter((id) => id != null).map(String))];
  const rows = await Promise.all(unique.map((id) => model.findById(id, projection).lean()));
  return rows.filter((r) => r != null) as (T & { _id: mongoose.Types.ObjectId })[];
}
