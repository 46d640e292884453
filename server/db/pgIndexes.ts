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
const FIELD = /\(_jsonb -> '((?:[^']|'')+)'::text\)(?! ->)|\(\(_jsonb -> '(?:[^']|'')+'::text\) ->/g;

const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'public', 'pg_toast'];

function ginName(table: string, field: string): string {
  const hash = crypto.createHash('sha1').update(`${table}.${field}`).digest('hex').slice(0, 10);
  return `${table.slice(0, 40)}_${hash}_gin`;
}

type IndexRow = { schemaname: string; tablename: string; indexname: string; indexdef: string };

/** The fields of a table's FerretDB indexes that an equality filter may use (see above). */
function filteredFields(btrees: IndexRow[]): Set<string> {
  const out = new Set<string>();
  for (const r of btrees) {
    // A dotted path matches without a name: it holds its place in the key but gets nothing.
    const keys = [...r.indexdef.matchAll(FIELD)].map((m) => (m[1] === undefined ? null : m[1].replace(/''/g, "'")));
    keys.forEach((k, i) => {
      if (k !== null && (keys.length === 1 || i < keys.length - 1)) out.add(k);
    });
  }
  return out;
}

/**
 * Creates the missing GIN companions of FerretDB's indexes in every database, drops FerretDB's
 * non-unique btrees and the companions no longer wanted; returns how many companions it made.
 */
export async function ensurePostgresIndexes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<IndexRow>(
      `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE NOT (schemaname = ANY($1)) AND tablename NOT LIKE '\\_ferretdb\\_%'`,
      [SYSTEM_SCHEMAS],
    );
    const byTable = new Map<string, IndexRow[]>();
    for (const r of rows) byTable.set(`${r.schemaname}.${r.tablename}`, [...(byTable.get(`${r.schemaname}.${r.tablename}`) ?? []), r]);
    let made = 0;
    for (const indexes of byTable.values()) {
      const { schemaname, tablename } = indexes[0]!;
      const table = `${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(tablename)}`;
      const btrees = indexes.filter((r) => r.indexdef.includes('USING btree'));
      const wanted = new Map([...filteredFields(btrees)].map((f) => [ginName(tablename, f), f]));
      const have = new Set(indexes.map((r) => r.indexname));
      for (const [name, field] of wanted) {
        if (have.has(name)) continue;
        await client.query(
          `CREATE INDEX IF NOT EXISTS ${client.escapeIdentifier(name)} ON ${table} USING gin ((_jsonb -> ${client.escapeLiteral(field)}) jsonb_path_ops)`,
        );
        made++;
      }
      const unwanted = indexes.filter(
        (r) =>
          (btrees.includes(r) && !r.indexdef.startsWith('CREATE UNIQUE')) || (r.indexname.endsWith('_gin') && !wanted.has(r.indexname)),
      );
      for (const r of unwanted)
        await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(r.indexname)}`);
    }
    return made;
  } finally {
    await client.end();
  }
}
