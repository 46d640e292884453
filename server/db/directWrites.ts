// Bulk inserts of fresh documents (the seeders). Through the driver by default; on the embedded
// engine, once `writeDirectly` is called, straight into the PostgreSQL tables behind FerretDB, in
// FerretDB's own storage format (sjson.ts). A bulk seed then skips FerretDB's decoding, validating
// and re-encoding of every document, about half of its CPU. Only for documents with fresh ids
// (nothing to clash with) in collections FerretDB already created; anything else, and MongoDB,
// goes through the driver. (A mongoose model's collection does not carry its database name: the connection's it is.)
import mongoose, { type mongo } from 'mongoose';
import pg from 'pg';
import { toSjson } from './sjson.js';
import { dropCompanions, ensurePostgresIndexes } from './pgIndexes.js';

let pool: pg.Pool | null = null;
let poolUrl = '';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tables = new Map<string, string | null>();
const written = new Set<string>();

/** Runs `f` with direct writes into this FerretDB's PostgreSQL (null: through the driver, as always). */
export async function withDirectWrites<T>(postgresUrl: string | null, f: () => Promise<T>): Promise<T> {
  if (!postgresUrl || pool) return f();
  // A seed that dies is seeded again; its commits need not wait for the disk (the data stays consistent).
  pool = new pg.Pool({ connectionString: postgresUrl, max: 4, options: '-c synchronous_commit=off' });
  poolUrl = postgresUrl;
  try {
    return await f();
  } finally {
    await finishDirectWrites();
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

/** Inserts documents with fresh `_id`s (`ignoreUndefined` as the driver's option); says which way they went. */
export async function insertFresh(
  collection: mongo.Collection,
  docs: object[],
  o: { ignoreUndefined?: boolean } = {},
): Promise<'direct' | 'driver'> {
  if (!docs.length) return 'direct';
  const table = pool ? await tableOf(pool, collection.dbName ?? mongoose.connection.db!.databaseName, collection.collectionName) : null;
  if (!pool || !table) {
    await collection.insertMany(docs as never[], { ordered: false, ignoreUndefined: o.ignoreUndefined });
    return 'driver';
  }
  const opts = { ignoreUndefined: !!o.ignoreUndefined };
  const rows = docs.map((d) => toSjson(d as Record<string, unknown>, opts));
  // One statement per 2,000 rows or 16 MB of JSON, whichever comes first, each travelling as one JSON
  // array (no per-row escaping); PostgreSQL refuses a jsonb array over 256 MB (a large load's tally
  // rows are big).
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length) await pool!.query(`INSERT INTO ${table} (_jsonb) SELECT jsonb_array_elements($1::jsonb)`, [`[${batch.join(',')}]`]);
    batch = [];
    size = 0;
  };
  for (const row of rows) {
    if (batch.length >= 2000 || (batch.length && size + row.length > 16_000_000)) await flush();
    batch.push(row);
    size += row.length;
  }
  await flush();
  written.add(table);
  return 'direct';
}

/**
 * Some top-level fields of every document, read straight from the table (null without direct writes:
 * then the caller reads through the driver). FerretDB would decode every whole document to answer
 * the same scan; this is the seeders' one read of a whole collection (merchant credit). Values as
 * FerretDB stores them: an ObjectId as its hex string, a date as milliseconds.
 */
export async function readDirect(collection: mongo.Collection, fields: string[]): Promise<Record<string, unknown>[] | null> {
  const table = pool ? await tableOf(pool, collection.dbName ?? mongoose.connection.db!.databaseName, collection.collectionName) : null;
  if (!pool || !table) return null;
  const columns = fields.map((f, i) => `_jsonb -> $${i + 1} AS ${quote(f)}`).join(', ');
  return (await pool.query<Record<string, unknown>>(`SELECT ${columns} FROM ${table}`, fields)).rows;
}

/** Statistics for the tables written directly (the planner's row counts, estimatedDocumentCount), then the pool closes. */
async function finishDirectWrites(): Promise<void> {
  const p = pool!;
  pool = null;
  try {
    for (const table of written) await p.query(`ANALYZE ${table}`);
  } finally {
    written.clear();
    tables.clear();
    await p.end();
  }
}
