// Bulk inserts of fresh documents (the seeders). Through the driver by default; on the embedded
// engine, once `writeDirectly` is called, straight into the PostgreSQL tables behind FerretDB, in
// FerretDB's own storage format (sjson.ts). A bulk seed then skips FerretDB's decoding, validating
// and re-encoding of every document, about half of its CPU. Only for documents with fresh ids
// (nothing to clash with) in collections FerretDB already created; anything else, and MongoDB,
// goes through the driver. (A mongoose model's collection does not carry its database name: the connection's it is.)
import mongoose, { type mongo } from 'mongoose';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { toSjson } from './sjson.js';
import { dropCompanions, ensurePostgresIndexes } from './pgIndexes.js';
import { logger } from '../logger.js';

let pool: pg.Pool | null = null;
let poolUrl = '';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tables = new Map<string, string | null>();
const written = new Set<string>();
/** Tables written with `analyzeLater`, for `analyzeInBackground`. */
const unanalyzed = new Set<string>();

/**
 * Runs `f` with direct writes into this FerretDB's PostgreSQL (null: through the driver, as always).
 * `analyzeLater`: the tables written get their statistics from `analyzeInBackground` instead of
 * before this returns (the server's start: its wait for listening need not include them).
 */
export async function withDirectWrites<T>(
  postgresUrl: string | null,
  f: () => Promise<T>,
  { analyzeLater = false }: { analyzeLater?: boolean } = {},
): Promise<T> {
  if (!postgresUrl || pool) return f();
  // A seed that dies is seeded again; its commits need not wait for the disk (the data stays consistent).
  // Room for the bulk seeder's COPYs: four tables per chunk, two chunks at a time (seed/bulk.ts).
  pool = new pg.Pool({ connectionString: postgresUrl, max: 8, options: '-c synchronous_commit=off' });
  poolUrl = postgresUrl;
  try {
    return await f();
  } finally {
    await finishDirectWrites(analyzeLater);
  }
}

/** The table behind a collection, from FerretDB's metadata (null when FerretDB has not created it). */
async function tableOf(p: pg.Pool, schema: string, collection: string): Promise<string | null> {
  const key = `${schema}.${collection}`;
  if (tables.get(key)) return tables.get(key)!;
  const meta = `${quote(schema)}._ferretdb_database_metadata`;
  const { rows } = await p
    .query<{ t: string }>(`SELECT _jsonb->>'table' AS t FROM ${meta} WHERE _jsonb->'_id' = to_jsonb($1::text)`, [collection])
    .catch(() => ({ rows: [] as { t: string }[] }));
  const table = rows[0]?.t ? `${quote(schema)}.${quote(rows[0].t)}` : null;
  tables.set(key, table);
  return table;
}

/**
 * Runs a bulk load into these collections without the GIN companions of their tables (pgIndexes.ts),
 * and builds them again after it, even when it failed: one index build over the loaded table costs a
 * fraction of growing the index row by row. Only with direct writes (the seeders, which have the
 * database to themselves); otherwise `f` runs as it is.
 */
export async function withoutCompanions<T>(collections: mongo.Collection[], f: () => Promise<T>): Promise<T> {
  if (!pool) return f();
  const db = mongoose.connection.db!.databaseName;
  const found = await Promise.all(collections.map((c) => tableOf(pool!, c.dbName ?? db, c.collectionName)));
  const url = poolUrl;
  await dropCompanions(
    url,
    found.filter((t): t is string => !!t),
  );
  try {
    return await f();
  } finally {
    await ensurePostgresIndexes(url);
  }
}

/** Whether `withDirectWrites` is in force (the bulk seeder then encodes rows in worker threads). */
export const writingDirectly = () => !!pool;

/** The size of the pieces COPY rows are encoded into and streamed in. */
const PIECE = 1 << 20;

/**
 * Documents as the rows of a `COPY … FROM STDIN` (text format), each its sjson on a line, encoded as
 * UTF-8 into pieces of about 1 MB as they go. JSON text has no raw tab, newline or carriage return
 * (JSON.stringify escapes them), so only its backslashes need doubling for COPY. One string of all
 * the rows (the demo seed's were 166 MB) cost a flattening copy of twice its size and an encoding
 * pass over it, besides the rows; each row is written straight into its piece instead. Each piece
 * has its own memory (never the shared pool), so a worker thread can hand them over (seed/bulk.ts).
 */
export function copyRows(docs: object[], o: { ignoreUndefined?: boolean } = {}): Uint8Array[] {
  const opts = { ignoreUndefined: !!o.ignoreUndefined };
  const pieces: Uint8Array[] = [];
  let piece = Buffer.allocUnsafeSlow(0);
  let at = 0;
  for (const d of docs) {
    let row = toSjson(d as Record<string, unknown>, opts);
    if (row.includes('\\')) row = row.replaceAll('\\', '\\\\');
    // A UTF-16 code unit takes at most 3 bytes in UTF-8, and one byte is the row's newline.
    const most = row.length * 3 + 1;
    if (at + most > piece.length) {
      if (at) pieces.push(piece.subarray(0, at));
      piece = Buffer.allocUnsafeSlow(Math.max(PIECE, most));
      at = 0;
    }
    at += piece.write(row, at);
    piece[at++] = 10;
  }
  if (at) pieces.push(piece.subarray(0, at));
  return pieces;
}

/** Streams COPY rows (copyRows) into a table; the client goes back to the pool whatever happens. */
async function copyInto(table: string, pieces: Uint8Array[]): Promise<void> {
  const client = await pool!.connect();
  let failed: Error | undefined;
  try {
    await pipeline(pieces, client.query(copyFrom(`COPY ${table} (_jsonb) FROM STDIN`)));
  } catch (e) {
    failed = e as Error;
    throw e;
  } finally {
    // A connection whose COPY failed is closed rather than handed out again.
    client.release(failed);
  }
}

/**
 * Inserts documents with fresh `_id`s (`ignoreUndefined` as the driver's option); says which way they
 * went. Directly, each batch is one COPY: PostgreSQL parses each row's jsonb once (an INSERT of
 * `jsonb_array_elements` of one JSON array parsed the array, then copied each element out of it).
 */
export async function insertFresh(
  collection: mongo.Collection,
  docs: object[],
  o: { ignoreUndefined?: boolean } = {},
): Promise<'direct' | 'driver'> {
  if (!docs.length) return 'direct';
  const table = await directTable(collection);
  if (!table) {
    await collection.insertMany(docs as never[], { ordered: false, ignoreUndefined: o.ignoreUndefined });
    return 'driver';
  }
  await copyInto(table, copyRows(docs, o));
  written.add(table);
  return 'direct';
}

/** Rows already encoded by `copyRows` (in a worker), straight into the collection's table. */
export async function insertEncoded(collection: mongo.Collection, pieces: Uint8Array[]): Promise<void> {
  if (!pieces.length) return;
  const table = await directTable(collection);
  if (!table) throw new Error(`direct writes: no table for ${collection.collectionName}`);
  await copyInto(table, pieces);
  written.add(table);
}

async function directTable(collection: mongo.Collection): Promise<string | null> {
  return pool ? tableOf(pool, collection.dbName ?? mongoose.connection.db!.databaseName, collection.collectionName) : null;
}

/** What `insertModels` uses of a mongoose document (any model's fits, whatever its types). */
interface Hydrated {
  validate(): Promise<void>;
  set(path: string, value: unknown): unknown;
  toObject(options: object): object;
}

// What mongoose's insertMany stores of a hydrated document (its internal toObject options).
const AS_STORED = {
  transform: false,
  virtuals: false,
  getters: false,
  depopulate: true,
  flattenDecimals: false,
  versionKey: true,
} as const;

/**
 * New documents of a model, as its insertMany would store them (cast, defaults, validated, `__v: 0`,
 * timestamps), inserted with `insertFresh`: the model's checks without a round trip per batch through
 * FerretDB, which validates and re-encodes every document again (the seeders' small collections).
 */
export async function insertModels(
  model: { schema: mongoose.Schema; collection: mongo.Collection } & (new (raw: object) => Hydrated),
  raws: object[],
): Promise<void> {
  const versionKey = model.schema.get('versionKey');
  const docs = await Promise.all(
    raws.map(async (raw) => {
      const doc = new model(raw);
      await doc.validate();
      if (versionKey) doc.set(versionKey, 0);
      (doc as { initializeTimestamps?: () => void }).initializeTimestamps?.();
      return doc.toObject(AS_STORED);
    }),
  );
  await insertFresh(model.collection, docs);
}

/**
 * Some top-level fields of every document (or of those whose fields equal one of the values given in
 * `where`), read straight from the table (null without direct writes: then the caller reads through
 * the driver). FerretDB would decode every whole document to answer the same scan; the seeders read
 * whole collections this way (merchant credit, the count ledger's latest snapshots). Values as
 * FerretDB stores them: an ObjectId as its hex string, a date as milliseconds.
 */
export async function readDirect(
  collection: mongo.Collection,
  fields: string[],
  where: Record<string, (string | number | boolean)[]> = {},
): Promise<Record<string, unknown>[] | null> {
  const table = await directTable(collection);
  if (!pool || !table) return null;
  const columns = fields.map((f, i) => `_jsonb -> $${i + 1} AS ${quote(f)}`).join(', ');
  const params: unknown[] = [...fields];
  const conditions = Object.entries(where).map(([field, values]) => {
    params.push(
      field,
      values.map((v) => JSON.stringify(v)),
    );
    return `_jsonb -> $${params.length - 1} = ANY($${params.length}::jsonb[])`;
  });
  const filter = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return (await pool.query<Record<string, unknown>>(`SELECT ${columns} FROM ${table}${filter}`, params)).rows;
}

/**
 * Sets top-level integer fields (int32, as the driver sends them) of the rows with these `_id`s (an
 * ObjectId as its hex string), `fields[name][i]` on `ids[i]`, in one UPDATE of the table; false
 * without direct writes (then the caller writes through the driver). Fields the row lacks are added
 * last, by name, where a `$set` through FerretDB puts them (test/disclosure/publicNumbers.test.ts). FerretDB applies a bulk
 * `$set` one command per row, decoding and re-encoding each document: a load's renumbering of its
 * public records took most of two minutes that way.
 */
export async function setIntsDirect(collection: mongo.Collection, ids: string[], fields: Record<string, number[]>): Promise<boolean> {
  const table = await directTable(collection);
  if (!pool || !table) return false;
  const names = Object.keys(fields);
  for (const name of names)
    if (!fields[name]!.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31))
      throw new Error(`direct writes: ${name} is not int32`);
  // $1 the ids, $2 the names, $3… each field's values.
  const name = (i: number) => `($2::text[])[${i + 1}]`;
  let doc = 't._jsonb';
  names.forEach((_, i) => {
    doc = `jsonb_set(jsonb_set(${doc}, ARRAY[${name(i)}], to_jsonb(u.v${i})), ARRAY['$s', 'p', ${name(i)}], '{"t":"int"}')`;
  });
  const kept = `t._jsonb -> '$s' -> '$k'`;
  const added = `COALESCE((SELECT jsonb_agg(f ORDER BY f COLLATE "C") FROM unnest($2::text[]) AS a(f) WHERE NOT (${kept}) ? f), '[]')`;
  const columns = names.map((_, i) => `v${i}`).join(', ');
  const arrays = names.map((_, i) => `$${i + 3}::int[]`).join(', ');
  await pool.query(
    `UPDATE ${table} AS t SET _jsonb = jsonb_set(${doc}, '{$s,$k}', (${kept}) || ${added})
       FROM unnest($1::text[], ${arrays}) AS u(id, ${columns}) WHERE t._jsonb -> '_id' = to_jsonb(u.id)`,
    [ids, names, ...names.map((n) => fields[n])],
  );
  written.add(table);
  return true;
}

/** Statistics for the tables written directly (the planner's row counts, estimatedDocumentCount), then the pool closes. */
async function finishDirectWrites(later: boolean): Promise<void> {
  const p = pool!;
  pool = null;
  try {
    if (later) for (const table of written) unanalyzed.add(table);
    // Each on its own connection of the pool, at once.
    else await Promise.all([...written].map((table) => p.query(`ANALYZE ${table}`)));
  } finally {
    written.clear();
    tables.clear();
    await p.end();
  }
}

/**
 * The statistics `withDirectWrites(…, { analyzeLater: true })` left out, one table after another on a
 * connection of its own, while the server already answers (autovacuum would get to them within a
 * minute; the start-up backfills and first lists were measured to plan as well without them:
 * docs/performance.md). A failure is logged, never thrown. The function returned cuts it short.
 */
export function analyzeInBackground(postgresUrl: string): () => Promise<void> {
  const todo = [...unanalyzed];
  unanalyzed.clear();
  if (!todo.length) return async () => {};
  const client = new pg.Client({ connectionString: postgresUrl });
  let stopped = false;
  const started = Date.now();
  const done = (async () => {
    await client.connect();
    for (const table of todo) if (!stopped) await client.query(`ANALYZE ${table}`);
  })().then(
    () => {
      if (!stopped) logger.info({ tables: todo.length, ms: Date.now() - started }, 'seeded tables analyzed');
    },
    (e: unknown) => {
      if (!stopped) logger.error({ err: e }, 'analyzing the seeded tables failed; autovacuum analyzes them later');
    },
  );
  void done.then(async () => {
    if (!stopped) await client.end().catch(() => {});
  });
  return async () => {
    if (stopped) return;
    stopped = true;
    // Ends an ANALYZE under way too: the engine's fast shutdown that follows ends its backend.
    await client.end().catch(() => {});
    await done;
  };
}
