import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, postgresBackend, spawnFerretDb, sqliteBackend, stopChild } from './ferretdb.js';
import { startPostgres } from './postgres.js';

const BATCH = 1000;

/**
 * A data directory written by the SQLite engine (the default before PostgreSQL) is copied, never
 * dropped: the old SQLite FerretDB and a new PostgreSQL one run side by side on free ports, and every
 * collection is copied in batches with its indexes. The cluster is built in `postgres.copying` and
 * renamed into place only when complete, so an interrupted copy simply starts over; the SQLite files
 * are then moved to `ferretdb/sqlite-copied-to-postgres`, kept but no longer read.
 */
export async function copySqliteToPostgres(opts: { dataDir: string; durable: boolean; log: (line: string) => void }): Promise<void> {
  const sqliteDir = path.join(opts.dataDir, 'ferretdb', 'sqlite');
  const building = path.join(opts.dataDir, 'postgres.copying');
  fs.rmSync(building, { recursive: true, force: true });
  opts.log(`  copying the SQLite database in ${sqliteDir} to PostgreSQL (once)…`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-copy-'));
  const [fromPort, toPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const pg = await startPostgres({ dir: building, port: pgPort, durable: opts.durable });
  const stops: (() => Promise<void>)[] = [() => stopChild(pg.child, 'SIGINT', 20_000)];
  try {
    const from = await spawnFerretDb({ backend: sqliteBackend(sqliteDir), stateDir: scratch, port: fromPort });
    stops.unshift(() => stopChild(from.child, 'SIGTERM', 5000));
    const to = await spawnFerretDb({ backend: postgresBackend(pgPort), stateDir: scratch, port: toPort });
    stops.unshift(() => stopChild(to.child, 'SIGTERM', 5000));
    await copyAll(`mongodb://127.0.0.1:${fromPort}`, `mongodb://127.0.0.1:${toPort}`, opts.log);
  } finally {
    for (const stop of stops) await stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  fs.renameSync(building, path.join(opts.dataDir, 'postgres'));
  fs.renameSync(sqliteDir, `${sqliteDir}-copied-to-postgres`);
  opts.log(`  copied; the SQLite files are kept in ${sqliteDir}-copied-to-postgres`);
}

async function copyAll(fromUri: string, toUri: string, log: (line: string) => void) {
  const from = await mongoose.mongo.MongoClient.connect(fromUri);
  const to = await mongoose.mongo.MongoClient.connect(toUri);
  try {
    const { databases } = await from.db('admin').admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      if (name === 'admin' || name === 'local') continue;
      const collections = await from.db(name).listCollections({}, { nameOnly: true }).toArray();
      for (const { name: coll } of collections) {
        const src = from.db(name).collection(coll);
        const dst = to.db(name).collection(coll);
        const total = await src.estimatedDocumentCount();
        await to
          .db(name)
          .createCollection(coll)
          .catch(() => undefined);
        // Indexes first: unique ones must hold for what follows, as they did in the source.
        for (const { key, name: index, v: _v, ns: _ns, ...options } of await src.indexes()) {
          if (index !== '_id_') await dst.createIndex(key, { name: index, ...options });
        }
        let copied = 0;
        let batch: Record<string, unknown>[] = [];
        for await (const doc of src.find({})) {
          batch.push(doc);
          if (batch.length === BATCH) {
            await dst.insertMany(batch, { ordered: true });
            copied += batch.length;
            batch = [];
            log(`    ${name}.${coll}: ${copied}/${total}`);
          }
        }
        if (batch.length) await dst.insertMany(batch, { ordered: true });
        copied += batch.length;
        log(`    ${name}.${coll}: ${copied} documents`);
      }
    }
  } finally {
    await from.close();
    await to.close();
  }
}
