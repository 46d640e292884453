// The real server (`server/index.ts`, as `npm start` runs it) in a child process, for the fault tests:
// start it, SIGKILL it, start it again on the same database and port, read what it printed.
//
//   const srv = await spawnServer();        // on the suite's database (freshWorld() first), free port
//   const srv = await spawnServer({ embedded: true, seed: true });  // its own FerretDB + PostgreSQL
//                                           // under srv.dataDir, the foundation world seeded first
//   srv.url · srv.port · srv.pid · srv.dataDir · srv.databaseUri
//   await srv.kill();                       // SIGKILL (or kill('SIGTERM')); resolves once it exited
//   await srv.restart();                    // same env, port and data; resolves when it listens again
//   srv.lines()                             // every line it printed since spawnServer, all starts
//   await srv.waitForLine(/back/);          // the first matching line, now or later (30 s cap)
//   await srv.waitForLine(/back/, 60_000, n);  // the first one from line n on (n = lines().length before)
//   await srv.stop();                       // SIGTERM, then removes the data directory it made
//   const r = await runServer({ NODE_ENV: 'production' });  // runs until it exits: { code, lines }
//
// The embedded mode is the `npm start` case: the server owns its engine, a SIGKILLed server's
// watchdog stops it and the next start takes the data directory over. Every child still running
// when the test process exits is SIGKILLed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/db/ferretdb.js';
import { testDatabaseUri } from './database.js';
import { DEMO_PASSWORD } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /Fangxin 放心 is running at (\S+)/;
const START_LIMIT_MS = 180_000;

export type Env = Record<string, string | undefined>;

export interface ServerProcess {
  url: string;
  port: number;
  /** The current process (changes with each restart). */
  readonly pid: number;
  dataDir: string;
  /** What the server's database is, for the test's own reads (a FerretDB URI). */
  databaseUri: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
  lines(): string[];
  waitForLine(pattern: RegExp, ms?: number, from?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Its own embedded engine under a new data directory instead of the suite's database. */
  embedded?: boolean;
  /** With `embedded`: seed the foundation demo world (regions, bureaus, stores, demo accounts) first. */
  seed?: boolean;
  /** Added to (or, when undefined, removed from) the child's environment. */
  env?: Env;
}

const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

function childEnv(over: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', SEED: 'off', DEMO_PASSWORD, RATE_LIMIT_SCALE: '1000' };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function launch(script: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (d: Buffer) => {
      const parts = (rest + d.toString()).split('\n');
      rest = parts.pop()!;
      parts.forEach(onLine);
    });
    stream.on('end', () => rest && onLine(rest));
  }
  return child;
}

const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
const onExit = (c: ChildProcess) => (exited(c) ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r())));

/** Runs the server with `env` until it exits by itself (a refused configuration), or kills it after `ms`. */
export async function runServer(env: Env, ms = 120_000): Promise<{ code: number | null; lines: string[] }> {
  const lines: string[] = [];
  // Its own data directory: a configuration the test expected to be refused must not start on shared data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-proc-'));
  const child = launch('server/index.ts', childEnv({ PORT: '0', DATA_DIR: dataDir, ...env }), (l) => lines.push(l));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await onExit(child);
  clearTimeout(timer);
  await removeDataDir(dataDir);
  return { code: child.exitCode, lines };
}

/** Once a killed server's watchdog has stopped its engines (and removed the lock), its data goes. */
async function removeDataDir(dataDir: string) {
  const lock = path.join(dataDir, 'ferretdb', 'ferretdb.pid');
  for (let i = 0; i < 100 && fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 100));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function spawnServer(opts: SpawnOptions = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-proc-'));
  const port = await freePort();
  let databaseUri: string;
  const base: Env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  if (opts.embedded) {
    const ferretPort = await freePort();
    Object.assign(base, { MONGODB_URI: undefined, FERRETDB_PORT: String(ferretPort) });
    databaseUri = `mongodb://127.0.0.1:${ferretPort}/fangxin`;
    if (opts.seed) {
      const out: string[] = [];
      const seeding = launch('test/helpers/seedFoundation.ts', childEnv({ ...base, ...opts.env }), (l) => out.push(l));
      await onExit(seeding);
      if (seeding.exitCode !== 0) throw new Error(`seeding ${dataDir} failed: ${out.slice(-5).join(' | ')}`);
    }
  } else {
    databaseUri = testDatabaseUri();
    base.MONGODB_URI = databaseUri;
  }
  const env = childEnv({ ...base, ...opts.env });
  const all: string[] = [];
  const waiters = new Set<{ pattern: RegExp; found: (line: string) => void }>();
  const onLine = (line: string) => {
    all.push(line);
    for (const w of waiters) if (w.pattern.test(line)) (waiters.delete(w), w.found(line));
  };
  const waitForLine = (pattern: RegExp, ms = 30_000, from = 0) => {
    const seen = all.slice(from).find((l) => pattern.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const w = { pattern, found: (l: string) => (clearTimeout(t), resolve(l)) };
      const t = setTimeout(
        () => (waiters.delete(w), reject(new Error(`no line matching ${pattern} within ${ms} ms; last: ${all.slice(-5).join(' | ')}`))),
        ms,
      );
      waiters.add(w);
    });
  };

  let child!: ChildProcess;
  const start = async () => {
    const from = all.length;
    child = launch('server/index.ts', env, onLine);
    const c = child;
    const ready = new Promise<void>((resolve, reject) => {
      const w = { pattern: READY, found: () => (clearTimeout(t), resolve()) };
      const t = setTimeout(() => reject(new Error(`the server did not start within ${START_LIMIT_MS} ms`)), START_LIMIT_MS);
      waiters.add(w);
      c.once('exit', (code, signal) => {
        waiters.delete(w);
        clearTimeout(t);
        reject(new Error(`the server exited (${signal ?? code}) before listening: ${all.slice(from).slice(-5).join(' | ')}`));
      });
    });
    await ready;
  };
  await start();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid!;
    },
    dataDir,
    databaseUri,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!exited(child)) child.kill(signal);
      await onExit(child);
    },
    restart: start,
    lines: () => [...all],
    waitForLine,
    async stop() {
      if (!exited(child)) {
        const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.kill('SIGTERM');
        await onExit(child);
        clearTimeout(hard);
      }
      await removeDataDir(dataDir);
    },
  };
}
