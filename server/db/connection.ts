import mongoose from 'mongoose';
import type { Config } from '../config.js';
import { startFerretDb, type EmbeddedDb } from './ferretdb.js';
import { ensureIndexes } from '../models/index.js';

export interface Database {
  uri: string;
  embedded: boolean;
  close(): Promise<void>;
  /** The embedded database died under us; the server cannot go on without it. */
  onLost(handler: (reason: string) => void): void;
}

/** Connects mongoose to MONGODB_URI, or to an embedded FerretDB started under DATA_DIR. */
export async function connectDatabase(config: Config): Promise<Database> {
  let embedded: EmbeddedDb | null = null;
  let uri = config.MONGODB_URI;
  if (!uri) {
    embedded = await startFerretDb({ dataDir: config.dataDir, port: config.FERRETDB_PORT, engine: config.FANGXIN_ENGINE });
    uri = embedded.uri;
  }
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
    await ensureIndexes();
  } catch (e) {
    await embedded?.stop();
    throw new Error(`cannot connect to the database: ${(e as Error).message}`, { cause: e });
  }
  return {
    uri,
    embedded: !!embedded,
    onLost(handler) {
      embedded?.onUnexpectedExit(handler);
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}
