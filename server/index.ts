import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from './config.js';
import { createApp, type AppOptions } from './app.js';
import { connectDatabase } from './db/connection.js';
import { analyzeInBackground, withDirectWrites } from './db/directWrites.js';
import { backfillFields } from './db/backfill.js';
import { attachRealtime } from './realtime/server.js';
import { startScheduler } from './jobs/scheduler.js';
import { effectsSettled } from './complaints/effectRunner.js';
import { accessLogSettled } from './privacy/accessLog.js';
import { seedIfEmpty, DEMO_ACCOUNTS } from './seed/demo.js';
import { DEMO_OFFICERS } from './seed/officers.js';
import { logger } from './logger.js';
import { wireCapabilities } from './capabilities.js';

const EFFECTS_GRACE_MS = 5_000;

export interface RunningServer {
  url: string;
  port: number;
  seeded: boolean;
  stop(): Promise<void>;
  /** The embedded database died; see Database.onLost. */
  onDatabaseLost(handler: (reason: string) => void): void;
}

export interface Listening {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** HTTP, sockets and jobs on an already connected database (tests use this directly). */
export async function listen(config: Config, opts: AppOptions & { scheduler?: boolean } = {}): Promise<Listening> {
  wireCapabilities();
  const { app, session } = createApp(config, opts);
  const server = http.createServer(app);
  const realtime = await attachRealtime(server, session, { redisUrl: config.REDIS_URL, publicUrl: config.PUBLIC_URL });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(new Error(e.code === 'EADDRINUSE' ? `port ${config.PORT} is already in use (set PORT)` : e.message)),
      );
      server.listen(config.PORT, config.HOST, resolve);
    });
  } catch (e) {
    await realtime.close();
    throw e;
  }
  const stopScheduler = opts.scheduler === false ? async () => {} : startScheduler();
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${config.HOST}:${port}`,
    port,
    async stop() {
      await stopScheduler();
      // Effects still running finish if they can; whatever is cut off stays owed and runs at the next start.
      await Promise.race([effectsSettled(), new Promise((resolve) => setTimeout(resolve, EFFECTS_GRACE_MS).unref())]);
      // Views already answered get their access-log entries before the database goes.
      await Promise.race([accessLogSettled(), new Promise((resolve) => setTimeout(resolve, EFFECTS_GRACE_MS).unref())]);
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Starts database, seed, HTTP, sockets and jobs; `stop` undoes all of it. */
export async function startServer(config: Config, opts: AppOptions & { scheduler?: boolean } = {}): Promise<RunningServer> {
  wireCapabilities();
  const db = await connectDatabase(config);
  try {
    const seeded =
      config.SEED === 'auto'
        ? await withDirectWrites(
            db.postgresUrl,
            () => seedIfEmpty(config, () => console.log('  seeding the demo data into the empty database…')),
            { analyzeLater: true },
          )
        : false;
    await backfillFields();
    const http = await listen(config, opts);
    // The seed's statistics cost seconds of the engine's CPU that the wait for listening need not include.
    const stopAnalyzing = db.postgresUrl ? analyzeInBackground(db.postgresUrl) : async () => {};
    return {
      ...http,
      seeded,
      onDatabaseLost: (handler) => db.onLost(handler),
      async stop() {
        await http.stop();
        await stopAnalyzing();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error(`Fangxin cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (e) {
    console.error(`Fangxin cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`\n  Fangxin 放心 is running at ${config.PUBLIC_URL ?? running.url}`);
  const where =
    config.FANGXIN_ENGINE === 'postgres'
      ? `${path.join(config.dataDir, 'postgres')} (PostgreSQL)`
      : `${path.join(config.dataDir, 'ferretdb')} (SQLite)`;
  console.log(`  data: ${config.MONGODB_URI ? 'MONGODB_URI' : where}${running.seeded ? ' (demo data seeded)' : ''}`);
  console.log(`  demo logins (password ${config.DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(32)} ${a.role}`);
  const officers = Object.values(DEMO_OFFICERS).flat();
  console.log(`    ${officers.map((o) => o.email).join(', ')}: officers`);
  console.log('');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await running.stop();
      process.exit(0);
    } catch (e) {
      console.error(`Fangxin did not stop cleanly: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  running.onDatabaseLost((reason) => {
    if (stopping) return;
    stopping = true;
    console.error(`Fangxin is stopping: the embedded database is gone (${reason})`);
    void running.stop().finally(() => process.exit(1));
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
