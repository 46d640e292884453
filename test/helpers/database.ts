import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { type mongo } from 'mongoose';
import { startFerretDb, type EmbeddedDb, type Engine } from '../../server/db/ferretdb.js';
import { trackEngine } from '../../server/db/availability.js';
import { driverOptions, prepareIndexes } from '../../server/db/connection.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { forgetNumberBlock } from '../../server/complaints/number.js';
import { forgetSequences } from '../../server/db/sequence.js';
import { forgetPublicNumbered } from '../../server/disclosure/numbers.js';
import { forgetKeptCounts } from '../../server/counts/ledger.js';
import { forgetHeldClaims } from '../../server/jobs/claim.js';

let embedded: EmbeddedDb | null = null;

/** The embedded default, or FANGXIN_ENGINE=sqlite to run the suite on the old engine. */
export const testEngine = (): Engine => (process.env.FANGXIN_ENGINE === 'sqlite' ? 'sqlite' : 'postgres');
let tmpDir: string | null = null;
let uri: string | null = null;

/** The suite's embedded engine (null with MONGODB_URI), for the tests that kill it. */
export const testEmbeddedDb = () => embedded;

/** The suite's database URI, for a server in a child process (test/helpers/serverProcess.ts). */
export function testDatabaseUri(): string {
  if (!uri) throw new Error('the test database is not started');
  return uri;
}

/** The real database for the test run: MONGODB_URI if set, else a FerretDB in a temporary directory. */
export async function startTestDatabase(): Promise<string> {
  uri = process.env.MONGODB_URI ?? null;
  if (!uri) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-test-'));
    embedded = await startFerretDb({ dataDir: tmpDir, engine: testEngine(), durable: false });
    uri = embedded.uri.replace(/\/fangxin$/, '/fangxin_test');
  }
  await mongoose.connect(uri, driverOptions(!!embedded));
  await prepareIndexes(embedded);
  if (embedded) trackEngine(embedded);
  return uri;
}

export async function stopTestDatabase(): Promise<void> {
  await mongoose.disconnect();
  await embedded?.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  embedded = null;
  tmpDir = null;
  uri = null;
}

/**
 * Empties every collection but keeps the indexes, which the race tests depend on. Effects of the
 * previous test still running would write into the next one's database: they finish first. The
 * block of complaint numbers in hand belonged to the emptied database.
 */
export async function resetDb(): Promise<void> {
  await effectsSettled();
  forgetNumberBlock();
  forgetSequences();
  forgetPublicNumbered();
  forgetKeptCounts();
  forgetHeldClaims();
  const collections = await mongoose.connection.db!.collections();
  await Promise.all(collections.map((c) => emptyCollection(c)));
}

/** FerretDB over SQLite refuses one delete of more rows than SQLite takes variables: then delete in chunks. */
async function emptyCollection(c: mongo.Collection): Promise<void> {
  try {
    await c.deleteMany({});
  } catch {
    for (;;) {
      const ids = (
        await c
          .find({}, { projection: { _id: 1 } })
          .sort({ _id: 1 })
          .limit(20_000)
          .toArray()
      ).map((d) => d._id);
      if (!ids.length) return;
      await c.deleteMany({ _id: { $gte: ids[0], $lte: ids[ids.length - 1] } });
    }
  }
}
