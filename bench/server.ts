// The Fangxin server as `npm start` runs it, in its own process (so its RSS is its own), on a data
// directory of the benchmark's; and the bulk seeder between sizes, as a developer runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/db/ferretdb.js';
import { SERVER_NODE_ARGS, serverProcessEnv } from '../scripts/serverProcess.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchEnv {
  dataDir: string;
  /** Passed to the server and the seeder as they are (engine switch, MONGODB_URI…). */
  extra: Record<string, string>;
  ferretPort: number;
  /** Complaints in the database, once counted. */
  complaints?: number;
}

export async function benchEnv(dataDir: string, extra: Record<string, string> = {}): Promise<BenchEnv> {
  fs.mkdirSync(dataDir, { recursive: true });
  return { dataDir, extra, ferretPort: await freePort() };
}

function env(e: BenchEnv, over: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The abuse limits (10 filings per 10 minutes per user) would stop the write and fan-out phases.
  return {
    ...process.env,
    DATA_DIR: e.dataDir,
    FERRETDB_PORT: String(e.ferretPort),
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    RATE_LIMIT_SCALE: '100000',
    ...e.extra,
    ...over,
  };
}

/** The engine's own URI, for the raw-driver baseline. */
export const engineUri = (e: BenchEnv) => e.extra.MONGODB_URI ?? process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${e.ferretPort}/fangxin`;

export interface Running {
  url: string;
  pid: number;
  /** This start seeded the demo into an empty database. */
  seeded: boolean;
  stop(): Promise<void>;
}

/** Starts the server (seeding the demo into an empty database) and waits until it listens. */
export async function startServer(e: BenchEnv): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    cwd: ROOT,
    env: serverProcessEnv(env(e, { PORT: String(port) })),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    // A server that never listens is stopped, or it keeps its engine running after the bench has ended.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start within 5 min: ${err.trim()}`));
    }, 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // Wait for the line after "is running at", which says whether this start seeded the demo: the two
      // can arrive in separate chunks, and a seed missed here leaves the seed's memory in the figures.
      if (!/is running at[^]*\n {2}data: .*\n/.test(out)) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the server exited (${code}): ${err.trim()}`))));
  });
  child.stdout!.resume();
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, seeded: /demo data seeded/.test(out), stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `npm run seed -- --complaints n` on the same data directory, its progress shown. */
export function seedMore(e: BenchEnv, n: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts', '--complaints', String(n)], {
    cwd: ROOT,
    env: env(e),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the bulk seeder failed (exit ${code})`)))),
  );
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}
