import mongoose from 'mongoose';
import type { Config } from '../config.js';
import { startFerretDb, type EmbeddedDb } from './ferretdb.js';
import { ensureIndexes } from '../models/index.js';
import { trackEngine } from './availability.js';
import { ensurePostgresIndexes } from './pgIndexes.js';

export interface Database {
  uri: string;
  embedded: boolean;
  /** The embedded engine's PostgreSQL (null on MongoDB or SQLite), for the seeders' direct writes. */
  postgresUrl: string | null;
  close(): Promise<void>;
  /** The embedded database died under us and could not be restarted; the server cannot go on. */
  onLost(handler: (reason: string) => void): void;
}

/** The models' indexes, and on PostgreSQL the GIN indexes that let it use them for FerretDB's filters. */
export async function prepareIndexes(embedded: EmbeddedDb | null): Promise<void> {
  await ensureIndexes();
  if (embedded?.postgresUrl) await ensurePostgresIndexes(embedded.postgresUrl);
}

/**
 * The driver's options. On the embedded engine at most 20 commands are in flight at once: FerretDB v1
 * over PostgreSQL holds connections of its pool (50) for an update that found its document, and 75 or
 * more concurrent updates never returned, the engine idle and answering nothing after (at 200k
 * complaints a burst of filings' effects synced flags' rows beside each other and wedged it; 55 at once
 * returned). MongoDB keeps the driver's default.
 */
export const driverOptions = (embedded: boolean) => ({ serverSelectionTimeoutMS: 10_000, ...(embedded ? { maxPoolSize: 20 } : {}) });

/** Connects mongoose to MONGODB_URI, or to an embedded FerretDB started under DATA_DIR. */
export async function connectDatabase(config: Config): Promise<Database> {
  let embedded: EmbeddedDb | null = null;
  let uri = config.MONGODB_URI;
  if (!uri) {
    embedded = await startFerretDb({ dataDir: config.dataDir, port: config.FERRETDB_PORT, engine: config.FANGXIN_ENGINE });
    uri = embedded.uri;
  }
  try {
    await mongoose.connect(uri, driverOptions(!!embedded));
    await prepareIndexes(embedded);
    if (embedded) trackEngine(embedded);
  } catch (e) {
    await embedded?.stop();
    throw new Error(`cannot connect to the database: ${(e as Error).message}`, { cause: e });
  }
  return {
    uri,
    embedded: !!embedded,
    postgresUrl: embedded?.postgresUrl ?? null,
    onLost(handler) {
      embedded?.onLost(handler);
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}
