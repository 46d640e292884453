import { expect } from 'chai';
import mongoose from 'mongoose';
import pg from 'pg';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { testEmbeddedDb } from '../helpers/database.js';
import { dropCompanions, ensurePostgresIndexes } from '../../server/db/pgIndexes.js';

/** `field → index kinds` of the table behind a collection, from PostgreSQL's catalog. */
async function indexesOf(collection: string): Promise<{ unique: string[]; btree: string[]; gin: string[] }> {
  const client = new pg.Client({ connectionString: testEmbeddedDb()!.postgresUrl! });
  await client.connect();
  try {
    const schema = mongoose.connection.db!.databaseName;
    const { rows: meta } = await client.query<{ t: string }>(
      `SELECT _jsonb->>'table' AS t FROM ${client.escapeIdentifier(schema)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
      [collection],
    );
    const { rows } = await client.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`, [
      schema,
      meta[0]!.t,
    ]);
    const fields = (def: string) => [...def.matchAll(/_jsonb -> '([^']+)'/g)].map((m) => m[1]!).join(',');
    return {
      unique: rows.filter((r) => r.indexdef.startsWith('CREATE UNIQUE')).map((r) => fields(r.indexdef)),
      btree: rows.filter((r) => !r.indexdef.startsWith('CREATE UNIQUE') && r.indexdef.includes('btree')).map((r) => fields(r.indexdef)),
      gin: rows.filter((r) => r.indexdef.includes('USING gin')).map((r) => fields(r.indexdef)),
    };
  } finally {
    await client.end();
  }
}

describe('PostgreSQL indexes behind FerretDB', () => {
  before(function () {
    if (!testEmbeddedDb()?.postgresUrl) this.skip();
  });

  it('keeps the unique btrees, drops the others, and indexes for @> only the fields an equality filters', async () => {
    await ComplaintModel.init();
    await ComplaintEntryModel.init();
    const complaints = await indexesOf('complaints');
    expect(complaints.unique).to.include.members(['_id', 'number']);
    expect(complaints.btree).to.deep.equal([]);
    // `deadlines.current.dueAt` is a dotted path (never pushed down) and the sort key of its index.
    // remedyCheckAt and disclosureAt are the single-field clocks of the remedy and disclosure jobs: a
    // complaint without one stores nothing in their GIN, so their upkeep is the few that carry it.
    expect(complaints.gin).to.have.members([
      '_id',
      'number',
      'consumerId',
      'merchantId',
      'status',
      'countyCode',
      'regulatorRegion',
      'day',
      'remedyCheckAt',
      'disclosureAt',
    ]);
    const entries = await indexesOf('complaintentries');
    expect(entries.btree).to.deep.equal([]);
    // `ts` and `dk` are only ever the sort key, after the equality fields.
    expect(entries.gin).to.include.members(['aud', 'group', 'tab', 'priority', 'tt']);
    expect(entries.gin).to.not.include.members(['ts']);
    expect(entries.gin).to.not.include.members(['dk']);
  });

  // The btrees are gone after the first start; the second must still know which companions are wanted.
  it('keeps the companions on every later start, and builds again those a bulk load dropped', async () => {
    const url = testEmbeddedDb()!.postgresUrl!;
    await ComplaintEntryModel.init();
    await ensurePostgresIndexes(url);
    expect(await ensurePostgresIndexes(url)).to.equal(0);
    expect((await indexesOf('complaintentries')).gin).to.include.members(['aud', 'group', 'tab', 'priority', 'tt']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = mongoose.connection.db!.databaseName;
    const { rows } = await client.query<{ t: string }>(
      `SELECT _jsonb->>'table' AS t FROM ${client.escapeIdentifier(schema)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = 'complaintentries'`,
    );
    const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(rows[0]!.t)}`;
    await client.end();
    await dropCompanions(url, [table]);
    expect((await indexesOf('complaintentries')).gin).to.deep.equal([]);
    expect(await ensurePostgresIndexes(url)).to.be.greaterThan(0);
    expect((await indexesOf('complaintentries')).gin).to.include.members(['_id', 'aud', 'group', 'tab', 'priority', 'tt']);
  });
});
