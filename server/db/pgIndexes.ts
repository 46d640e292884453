import crypto from 'node:crypto';
import pg from 'pg';

// FerretDB v1 turns a top-level equality into `(_jsonb -> 'field') @> value` and builds each MongoDB
// index as a btree over `(_jsonb -> 'field')`. A btree cannot answer `@>`, so PostgreSQL would scan
// the whole table for every such filter. For each field FerretDB indexes we add a GIN index over the
// same expression, which answers `@>` directly; the btree stays, for unique constraints.
const FIELD = /\(_jsonb -> '((?:[^']|'')+)'::text\)/g;

const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'public', 'pg_toast'];

function ginName(table: string, field: string): string {
  const hash = crypto.createHash('sha1').update(`${table}.${field}`).digest('hex').slice(0, 10);
  return `${table.slice(0, 40)}_${hash}_gin`;
}

/** Creates the missing GIN companions of FerretDB's indexes in every database; returns how many it made. */
export async function ensurePostgresIndexes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schemaname: string; tablename: string; indexname: string; indexdef: string }>(
      `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE NOT (schemaname = ANY($1)) AND tablename NOT LIKE '\\_ferretdb\\_%'`,
      [SYSTEM_SCHEMAS],
    );
    const existing = new Set(rows.map((r) => `${r.schemaname}.${r.indexname}`));
    let made = 0;
    for (const r of rows) {
      if (!r.indexdef.includes('USING btree')) continue;
      for (const [, quoted] of r.indexdef.matchAll(FIELD)) {
        const field = quoted!.replace(/''/g, "'");
        const name = ginName(r.tablename, field);
        if (existing.has(`${r.schemaname}.${name}`)) continue;
        existing.add(`${r.schemaname}.${name}`);
        const table = `${client.escapeIdentifier(r.schemaname)}.${client.escapeIdentifier(r.tablename)}`;
        await client.query(
          `CREATE INDEX IF NOT EXISTS ${client.escapeIdentifier(name)} ON ${table} USING gin ((_jsonb -> ${client.escapeLiteral(field)}) jsonb_path_ops)`,
        );
        made++;
      }
    }
    return made;
  } finally {
    await client.end();
  }
}
