import mongoose, { type Query } from 'mongoose';

/** A find as the driver sends it. */
export interface FindShape {
  collection: string;
  filter: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
  limit?: number;
}

/** What FerretDB-over-PostgreSQL says it handed to PostgreSQL instead of doing in Go. */
export interface Pushdown {
  filter: boolean;
  sort: boolean;
  limit: boolean;
  /** The explain answer, for a failure message. */
  raw: Record<string, unknown>;
}

type AnyQuery = Query<any, any>;

/** The find a mongoose query sends: its collection, cast filter, sort and limit (findOne sends limit 1). */
export function shapeOf(q: AnyQuery): FindShape {
  const opts = q.getOptions();
  const limit = (q as unknown as { op?: string }).op === 'findOne' ? 1 : opts.limit;
  return {
    collection: q.model.collection.collectionName,
    filter: q.cast(q.model) as Record<string, unknown>,
    ...(opts.sort ? { sort: opts.sort as Record<string, 1 | -1> } : {}),
    ...(limit ? { limit } : {}),
  };
}

/** Asks the engine to explain a find (a shape, or a mongoose query before it runs). */
export async function explainFind(q: FindShape | AnyQuery): Promise<Pushdown> {
  const s = 'collection' in q && typeof q.collection === 'string' ? (q as FindShape) : shapeOf(q as AnyQuery);
  const find = { find: s.collection, filter: s.filter, ...(s.sort ? { sort: s.sort } : {}), ...(s.limit ? { limit: s.limit } : {}) };
  const db = mongoose.connection.db!;
  // FerretDB explains a missing collection as not pushed down; the collection exists once in use.
  if (!(await db.listCollections({ name: s.collection }).hasNext())) await db.createCollection(s.collection);
  const raw = await db.command({ explain: find });
  return { filter: raw.filterPushdown === true, sort: raw.sortPushdown === true, limit: raw.limitPushdown === true, raw };
}

const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || v instanceof Date || v instanceof mongoose.Types.ObjectId;

/** Why FerretDB (v1, PostgreSQL) filters this condition itself instead of in PostgreSQL, or null. */
function notPushable(key: string, value: unknown): string | null {
  if (key.startsWith('$')) return `${key} is never pushed down`;
  if (key.includes('.')) return `dotted path ${key} is not pushed down`;
  if (isScalar(value)) return null;
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    isScalar((value as { $eq?: unknown }).$eq)
  )
    return null;
  return `${key}: only scalar equality is pushed down, not ${JSON.stringify(value)}`;
}

/**
 * What keeps a find from being answered from an index on FerretDB-over-PostgreSQL, empty when nothing.
 * - Every top-level condition must be scalar equality (anything else is filtered in FerretDB after
 *   PostgreSQL returned every row matching the rest), unless `_id` equality already picks one row.
 * - One of the equality fields must be indexed (PostgreSQL then uses its GIN companion, pgIndexes.ts).
 * - FerretDB v1.24 sorts and limits in memory whenever there is a filter (explain's sortPushdown and
 *   limitPushdown stay false), so a sorted query must select a bounded set by equality, and its sort
 *   key must follow the equality fields in one index, which is what MongoDB needs to sort from it.
 */
export async function pushdownProblems(q: FindShape | AnyQuery): Promise<string[]> {
  const s = 'collection' in q && typeof q.collection === 'string' ? (q as FindShape) : shapeOf(q as AnyQuery);
  const explained = await explainFind(s);
  const problems: string[] = [];
  if (!explained.filter) problems.push('explain: filterPushdown is false');
  const byId = isScalar(s.filter._id);
  if (!byId) for (const [k, v] of Object.entries(s.filter)) notPushable(k, v) ? problems.push(notPushable(k, v)!) : null;
  if (byId) return problems;

  const indexes = (await mongoose.connection.db!.collection(s.collection).indexes()).map((i) => Object.keys(i.key));
  const equality = Object.keys(s.filter).filter((k) => !notPushable(k, s.filter[k]));
  if (!indexes.some((keys) => equality.includes(keys[0]!)))
    problems.push(`no index starts with one of ${equality.join(', ') || '(no equality field)'}`);
  const sortKeys = Object.keys(s.sort ?? {});
  if (sortKeys.length > 1) problems.push(`sorts by ${sortKeys.length} keys; one is the most an index answers here`);
  if (sortKeys.length === 1) {
    const served = indexes.some(
      (keys) => keys.indexOf(sortKeys[0]!) === equality.length && keys.slice(0, equality.length).every((k) => equality.includes(k)),
    );
    if (!served) problems.push(`no index on (${[...equality, sortKeys[0]].join(', ')}) serves its sort`);
  }
  return problems;
}
