import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres, type PostgresProcess } from './postgres.js';

const BUILD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/build-ferretdb.sh');

export interface EmbeddedDb {
  uri: string;
  engine: Engine;
  /** FerretDB's process, and PostgreSQL's postmaster when that is the engine. */
  pid: number;
  postgresPid: number | null;
  stop(): Promise<void>;
  /** Called if FerretDB exits while we still need it (killed, crashed). */
  onUnexpectedExit(handler: (reason: string) => void): void;
}

/** Builds (once, cached by version outside the clone) and returns the FerretDB binary path. */
export function ferretDbBinary(): string {
  const r = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const last = (r.stderr || '').trim().split('\n').filter(Boolean).pop() ?? 'unknown error';
    throw new Error(`cannot build FerretDB: ${last}`);
  }
  return r.stdout.trim().split('\n').pop()!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Running and not a zombie (a container's init may never reap an orphan we killed). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function runs(pid: number, name: string): boolean {
  try {
    return alive(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name);
  } catch {
    return false;
  }
}

async function gone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (!alive(pid)) return true;
  return !alive(pid);
}

function firstNumber(file: string): number {
  try {
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0]) || 0;
  } catch {
    return 0;
  }
}

async function stopOrphanPostgres(pid: number) {
  if (!runs(pid, 'postgres')) return;
  process.kill(pid, 'SIGINT');
  if (!(await gone(pid, 15_000))) process.kill(pid, 'SIGKILL');
}

/**
 * A second server on the same data directory would corrupt it: the pid file names the owning
 * server, its FerretDB and its PostgreSQL. Engines left running by a server that was killed outright
 * are stopped (PostgreSQL with a fast shutdown, so it needs no recovery).
 */
async function takeLock(dir: string): Promise<string> {
  const lock = path.join(dir, 'ferretdb.pid');
  try {
    const [owner, db, pg] = fs.readFileSync(lock, 'utf8').trim().split(/\s+/).map(Number);
    if (owner && owner !== process.pid && alive(owner)) {
      throw new Error(`the data directory ${path.dirname(dir)} is in use by another Fangxin (pid ${owner})`);
    }
    if (db && runs(db, 'ferretdb')) process.kill(db, 'SIGKILL');
    if (pg) await stopOrphanPostgres(pg);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // PostgreSQL's own lock names its postmaster even when ours was lost.
  const postmaster = firstNumber(path.join(path.dirname(dir), 'postgres', 'postmaster.pid'));
  if (postmaster) await stopOrphanPostgres(postmaster);
  fs.writeFileSync(lock, String(process.pid));
  return lock;
}

/**
 * Stops the engines when this process dies without running its exit handlers (SIGKILL, OOM): a
 * detached shell waits for our pid to go, then stops the engines the lock file names, if still ours.
 */
function watchdog(lock: string): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
read owner db pg < "$0" || exit 0
[ "$owner" = ${process.pid} ] || exit 0
[ -n "$db" ] && kill -KILL "$db"; [ -n "$pg" ] && kill -INT "$pg"; rm -f "$0"`;
  const child = spawn('sh', ['-c', script, lock], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill(signal);
  });
}

export type Engine = 'postgres' | 'sqlite';

export interface EmbeddedOptions {
  dataDir: string;
  /** FerretDB's port; a free one when 0 or absent. */
  port?: number;
  /** FerretDB's backend: PostgreSQL (the default) or SQLite. */
  engine?: Engine;
  /** False only for throwaway databases (tests): PostgreSQL then skips fsync. */
  durable?: boolean;
}

/** True when `dataDir` holds databases written by the SQLite engine. */
export function hasSqliteData(dataDir: string): boolean {
  try {
    return fs.readdirSync(path.join(dataDir, 'ferretdb', 'sqlite')).some((f) => f.endsWith('.sqlite'));
  } catch {
    return false;
  }
}

export const hasPostgresCluster = (dataDir: string) => fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'));

/**
 * Starts FerretDB under `dataDir` over PostgreSQL (a cluster in dataDir/postgres, started first on a
 * free loopback port) or SQLite (dataDir/ferretdb/sqlite), and waits until it accepts connections.
 */
export async function startFerretDb(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  const engine = opts.engine ?? 'postgres';
  const dir = path.join(opts.dataDir, 'ferretdb');
  fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  const lock = await takeLock(dir);
  const binary = ferretDbBinary();
  const port = opts.port || (await freePort());
  if (await portOpen(port)) throw new Error(`cannot start FerretDB: port ${port} is already taken`);

  let pg: PostgresProcess | null = null;
  let backend: string[];
  if (engine === 'postgres') {
    if (hasSqliteData(opts.dataDir) && !hasPostgresCluster(opts.dataDir)) {
      throw new Error(`${opts.dataDir} holds data from the SQLite engine and no PostgreSQL cluster yet: start with FANGXIN_ENGINE=sqlite to keep using it`);
    }
    const pgPort = await freePort();
    pg = await startPostgres({ dir: path.join(opts.dataDir, 'postgres'), port: pgPort, durable: opts.durable ?? true });
    backend = ['--handler=postgresql', `--postgresql-url=postgres://postgres@127.0.0.1:${pgPort}/postgres`];
  } else {
    backend = ['--handler=sqlite', `--sqlite-url=file:${path.join(dir, 'sqlite')}/`];
  }

  const child = spawn(
    binary,
    [...backend, `--state-dir=${dir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=error'],
    // Its own process group: a Ctrl-C must reach only us, so the database outlives our shutdown.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  fs.writeFileSync(lock, `${process.pid} ${child.pid} ${pg?.child.pid ?? ''}`.trim());
  const guard = watchdog(lock);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stopOnExit = () => {
    child.kill('SIGKILL');
    pg?.child.kill('SIGINT');
    guard.kill('SIGKILL');
  };
  process.once('exit', stopOnExit);
  let stopping = false;
  let unexpected: ((reason: string) => void) | null = null;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    const last = stderr.trim().split('\n').pop() ?? '';
    unexpected?.(`FerretDB exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}`);
  });
  pg?.child.once('exit', (code, signal) => {
    if (stopping) return;
    const last = pg!.lastLine();
    unexpected?.(`PostgreSQL exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}`);
  });
  const stopAll = async () => {
    stopping = true;
    process.removeListener('exit', stopOnExit);
    guard.kill('SIGKILL');
    await stopChild(child, 'SIGTERM', 5000);
    // A fast shutdown: open transactions roll back, everything committed is checkpointed.
    if (pg) await stopChild(pg.child, 'SIGINT', 20_000);
  };

  const deadline = Date.now() + 30_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) {
      const line = stderr.trim().split('\n').pop() ?? '';
      await stopAll();
      throw new Error(`cannot start FerretDB (exit ${child.exitCode}): ${line}`);
    }
    if (Date.now() > deadline) {
      await stopAll();
      throw new Error('cannot start FerretDB: it did not accept connections within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${port}/fangxin`,
    engine,
    pid: child.pid!,
    postgresPid: pg?.child.pid ?? null,
    onUnexpectedExit(handler) {
      unexpected = handler;
    },
    async stop() {
      await stopAll();
      fs.rmSync(lock, { force: true });
    },
  };
}
