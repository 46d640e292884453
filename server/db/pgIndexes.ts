import crypto from 'node:crypto';
import pg from 'pg';

// FerretDB v1 turns a top-level equality into `(_jsonb -> 'field') @> value` and builds each MongoDB
// index as a btree over `(_jsonb -> 'field')`. A btree cannot answer `@>`, so PostgreSQL would scan
// the whole table for every such filter. For each top-level field FerretDB indexes we add a GIN index
// over the same expression, which answers `@>` directly. Each index is upkeep on every insert, so
// only those that can serve a read are kept:
//  - a unique btree decides races and stays; a non-unique one is dropped: FerretDB v1 neither filters
//    nor sorts with it (filters are `@>`, sorts happen in FerretDB); PostgreSQL's statistics showed
//    not one scan of any of them after a benchmark run, and they were two thirds of the cost of
//    inserting list entries. FerretDB keeps the index in its own metadata, so `listIndexes` still
//    shows it and `createIndexes` with the same key stays a no-op;
//  - a field that is only ever the last key of a compound index is its sort key (equality fields
//    first, then the sort key: what test/db/pushdown.test.ts asks of every hot read), never filtered
//    by equality, and gets no companion; nor does a dotted path (`a.b`), which is never pushed down.
// The wanted companions come from FerretDB's metadata (every index it was asked for, in key order),
// not from the btrees PostgreSQL still has: those are gone after the first start, and a second start
// reading them would drop every companion as unwanted.

const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'public', 'pg_toast'];
/** Index builds at once (connections, each one backend's CPU). */
const BUILDERS = 3;

function ginName(table: string, field: string): string {
  const hash = crypto.createHash('sha1').update(`${table}.${field}`).digest('hex').slice(0, 10);
  return `${table.slice(0, 40)}_${hash}_gin`;
}

type IndexRow = { schemaname: string; tablename: string; indexname: string; indexdef: string };

/** The fields an equality may filter by, from the key lists of a table's indexes (see above). */
export function filteredFields(keyLists: string[][]): Set<string> {
  const out = new Set<string>();
  for (const keys of keyLists)
    keys.forEach((k, i) => {
      if (!k.includes('.') && (keys.length === 1 || i < keys.length - 1)) out.add(k);
    });
  return out;
}

/** Every FerretDB table (schema.table) with the key lists of its indexes, in key order. */
async function ferretIndexes(client: pg.Client, schemas: string[]): Promise<Map<string, string[][]>> {
  const out = new Map<string, string[][]>();
  for (const schema of schemas) {
    // FerretDB stores each document with its schema beside it (`$s`), which holds the keys' order.
    const { rows } = await client.query<{ t: string; keys: string[] | null }>(
      `SELECT m._jsonb->>'table' AS t,
              m._jsonb->'$s'->'p'->'indexes'->'i'->((i.n - 1)::int)->'$s'->'p'->'key'->'$s'->'$k' AS keys
         FROM ${client.escapeIdentifier(schema)}._ferretdb_database_metadata m
         LEFT JOIN LATERAL jsonb_array_elements(m._jsonb->'indexes') WITH ORDINALITY AS i(v, n) ON true`,
    );
    for (const r of rows) {
      const key = `${schema}.${r.t}`;
      out.set(key, [...(out.get(key) ?? []), ...(r.keys ? [r.keys] : [])]);
    }
  }
  return out;
}

async function catalog(client: pg.Client): Promise<{ byTable: Map<string, IndexRow[]>; wanted: Map<string, string[][]> }> {
  const { rows } = await client.query<IndexRow>(
    `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE NOT (schemaname = ANY($1)) AND tablename NOT LIKE '\\_ferretdb\\_%'`,
    [SYSTEM_SCHEMAS],
  );
  const byTable = new Map<string, IndexRow[]>();
  for (const r of rows) byTable.set(`${r.schemaname}.${r.tablename}`, [...(byTable.get(`${r.schemaname}.${r.tablename}`) ?? []), r]);
  const { rows: schemas } = await client.query<{ s: string }>(
    `SELECT table_schema AS s FROM information_schema.tables WHERE table_name = '_ferretdb_database_metadata'`,
  );
  return {
    byTable,
    wanted: await ferretIndexes(
      client,
      schemas.map((r) => r.s),
    ),
  };
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the missing GIN companions of FerretDB's indexes in every database, drops FerretDB's
 * non-unique btrees and the companions no longer wanted; returns how many companions it made.
 */
export async function ensurePostgresIndexes(url: string): Promise<number> {
  const creates: string[] = [];
  await withClient(url, async (client) => {
    const { byTable, wanted: keysOf } = await catalog(client);
    for (const [key, keyLists] of keysOf) {
      const indexes = byTable.get(key) ?? [];
      const [schemaname, tablename] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      const table = `${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(tablename)}`;
      const wanted = new Map([...filteredFields(keyLists)].map((f) => [ginName(tablename, f), f]));
      const have = new Set(indexes.map((r) => r.indexname));
      for (const [name, field] of wanted) {
        if (have.has(name)) continue;
        creates.push(
          `CREATE INDEX IF NOT EXISTS ${client.escapeIdentifier(name)} ON ${table} USING gin ((_jsonb -> ${client.escapeLiteral(field)}) jsonb_path_ops)`,
        );
      }
      const unwanted = indexes.filter(
        (r) =>
          (r.indexdef.includes('USING btree') && !r.indexdef.startsWith('CREATE UNIQUE')) ||
          (r.indexname.endsWith('_gin') && !wanted.has(r.indexname)),
      );
      for (const r of unwanted)
        await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(r.indexname)}`);
    }
  });
  // After a bulk load every companion of the loaded tables is built again: each build is one backend's
  // CPU (GIN builds are not parallel), so a few connections build them side by side, each with room
  // to sort in.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(BUILDERS, creates.length) }, () =>
      withClient(url, async (client) => {
        await client.query(`SET maintenance_work_mem = '256MB'`);
        while (next < creates.length) await client.query(creates[next++]!);
      }),
    ),
  );
  return creates.length;
}

/**
 * A bulk load's start: drops the GIN companions of the given tables (schema-qualified, quoted), so
 * the rows go in without their upkeep; `ensurePostgresIndexes` after the load builds them again,
 * in one pass each, which is several times cheaper than growing them row by row. Until then the
 * tables' equality filters scan, so only a seeder with the database to itself does this.
 */
export async function dropCompanions(url: string, tables: string[]): Promise<void> {
  await withClient(url, async (client) => {
    const { byTable } = await catalog(client);
    const quoted = (r: IndexRow) => `${client.escapeIdentifier(r.schemaname)}.${client.escapeIdentifier(r.tablename)}`;
    for (const rows of byTable.values())
      for (const r of rows)
        if (tables.includes(quoted(r)) && r.indexname.endsWith('_gin'))
          await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(r.schemaname)}.${client.escapeIdentifier(r.indexname)}`);
  });
}
