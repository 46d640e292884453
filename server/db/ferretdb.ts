import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySqliteToPostgres } from './migrateSqlite.js';
import { startPostgres, type PostgresProcess } from './postgres.js';

const BUILD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/build-ferretdb.sh');

export interface EngineStatus {
  up: boolean;
  /** Why it went down (which process, how), or how long it took to come back. */
  reason: string;
}

export interface EmbeddedDb {
  uri: string;
  engine: Engine;
  /** FerretDB's process, and PostgreSQL's postmaster when that is the engine (current after a restart). */
  readonly pid: number;
  readonly postgresPid: number | null;
  /** FerretDB's PostgreSQL, for what FerretDB cannot do itself (see pgIndexes.ts). */
  postgresUrl: string | null;
  /** False from the moment a process died until it is back. */
  isUp(): boolean;
  /** Each outage and each recovery. */
  onStatus(handler: (e: EngineStatus) => void): void;
  /** The engine died and could not be restarted; the server cannot go on. */
  onLost(handler: (reason: string) => void): void;
  stop(): Promise<void>;
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
 * (The lock has no final newline, so `read` reports end of file although it read the line: only the
 * owner check decides.)
 */
function watchdog(lock: string): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done
read owner db pg < "$0"
[ "$owner" = ${process.pid} ] || exit 0
[ -n "$db" ] && kill -KILL "$db"; [ -n "$pg" ] && kill -INT "$pg"; rm -f "$0"`;
  const child = spawn('sh', ['-c', script, lock], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
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
  /** Progress lines (copying an old SQLite data directory); console.log by default. */
  log?: (line: string) => void;
}

/** True when `dataDir` holds databases written by the SQLite engine. */
export function hasSqliteData(dataDir: string): boolean {
  try {
    return fs.readdirSync(path.join(dataDir, 'ferretdb', 'sqlite')).some((f) => f.endsWith('.sqlite'));
  } catch {
    return false;
  }
}

export const hasPostgresCluster = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

export interface FerretDbProcess {
  child: ChildProcess;
  lastLine(): string;
}

/** Starts one FerretDB process over `backend` and waits until it accepts connections on `port`. */
export async function spawnFerretDb(opts: { backend: string[]; stateDir: string; port: number }): Promise<FerretDbProcess> {
  const child = spawn(
    ferretDbBinary(),
    [
      ...opts.backend,
      `--state-dir=${opts.stateDir}`,
      `--listen-addr=127.0.0.1:${opts.port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    // Its own process group: a Ctrl-C must reach only us, so the database outlives our shutdown.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const lastLine = () => stderr.trim().split('\n').pop() ?? '';
  const deadline = Date.now() + 30_000;
  while (!(await portOpen(opts.port))) {
    if (child.exitCode !== null) throw new Error(`cannot start FerretDB (exit ${child.exitCode}): ${lastLine()}`);
    if (Date.now() > deadline) {
      await stopChild(child, 'SIGKILL', 0);
      throw new Error('cannot start FerretDB: it did not accept connections within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, lastLine };
}

export const postgresBackend = (pgPort: number) => [
  '--handler=postgresql',
  `--postgresql-url=postgres://postgres@127.0.0.1:${pgPort}/postgres`,
];
export const sqliteBackend = (dir: string) => ['--handler=sqlite', `--sqlite-url=file:${dir}/`];

const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
const why = (name: string, c: ChildProcess, last: string) =>
  `${name} exited (${c.signalCode ?? `code ${c.exitCode}`})${last ? `: ${last}` : ''}`;

/**
 * Starts FerretDB under `dataDir` over PostgreSQL (a cluster in dataDir/postgres, started first on a
 * free loopback port) or SQLite (dataDir/ferretdb/sqlite), and waits until it accepts connections.
 * When either process dies, it is restarted on the same ports, so the URI stays valid; the owner hears
 * of the outage and of the recovery, and of a loss only when restarting fails.
 */
export async function startFerretDb(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  const engine = opts.engine ?? 'postgres';
  const dir = path.join(opts.dataDir, 'ferretdb');
  const pgDir = path.join(opts.dataDir, 'postgres');
  fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  const lock = await takeLock(dir);
  const port = opts.port || (await freePort());
  if (await portOpen(port)) throw new Error(`cannot start FerretDB: port ${port} is already taken`);
  ferretDbBinary();

  const durable = opts.durable ?? true;
  if (engine === 'postgres' && hasSqliteData(opts.dataDir) && !hasPostgresCluster(pgDir)) {
    await copySqliteToPostgres({ dataDir: opts.dataDir, durable, log: opts.log ?? console.log });
  }
  const pgPort = engine === 'postgres' ? await freePort() : 0;
  const backend = engine === 'postgres' ? postgresBackend(pgPort) : sqliteBackend(path.join(dir, 'sqlite'));
  const startPg = () => startPostgres({ dir: pgDir, port: pgPort, durable });
  const startFdb = () => spawnFerretDb({ backend, stateDir: dir, port });

  let pg = engine === 'postgres' ? await startPg() : null;
  let fdb: FerretDbProcess;
  try {
    fdb = await startFdb();
  } catch (e) {
    if (pg) await stopChild(pg.child, 'SIGINT', 20_000);
    throw e;
  }
  let owned = '';
  const writeLock = () => fs.writeFileSync(lock, (owned = `${process.pid} ${fdb.child.pid} ${pg?.child.pid ?? ''}`.trim()));
  const stillOurs = () => {
    try {
      return fs.readFileSync(lock, 'utf8') === owned;
    } catch {
      return false;
    }
  };
  writeLock();
  const guard = watchdog(lock);
  const stopOnExit = () => {
    fdb.child.kill('SIGKILL');
    pg?.child.kill('SIGINT');
    guard.kill('SIGKILL');
  };
  process.once('exit', stopOnExit);

  let stopping = false;
  let down = false;
  let restarting: Promise<void> | null = null;
  let lost: ((reason: string) => void) | null = null;
  const status: ((e: EngineStatus) => void)[] = [];
  const tell = (e: EngineStatus) => status.forEach((h) => h(e));

  /** Brings back whichever process died, PostgreSQL first; gives up after a minute of failures. */
  const recover = async (reason: string) => {
    const started = Date.now();
    down = true;
    tell({ up: false, reason });
    for (let attempt = 1; !stopping; attempt++) {
      try {
        if (pg && exited(pg.child)) {
          // FerretDB's pooled connections died with PostgreSQL: a fresh FerretDB starts with none.
          await stopChild(fdb.child, 'SIGKILL', 0);
          pg = await startPg();
          watch();
        }
        if (exited(fdb.child)) {
          fdb = await startFdb();
          watch();
        }
        writeLock();
        down = false;
        tell({ up: true, reason: `restarted after ${((Date.now() - started) / 1000).toFixed(1)} s` });
        return;
      } catch (e) {
        if (Date.now() - started > 60_000) return lost?.(`${reason}; restarting failed: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(2000, 250 * attempt)));
      }
    }
  };
  const onExit = (name: string, p: FerretDbProcess | PostgresProcess) => () => {
    if (stopping || restarting) return;
    // Another start took the data directory over (and stopped this process): not ours to bring back.
    if (!stillOurs()) return lost?.(`${why(name, p.child, p.lastLine())}; the data directory was taken over`);
    restarting = recover(why(name, p.child, p.lastLine())).finally(() => (restarting = null));
  };
  const watched = new WeakSet<ChildProcess>();
  const watch = () => {
    for (const [name, p] of [
      ['FerretDB', fdb],
      ['PostgreSQL', pg],
    ] as const) {
      if (!p || watched.has(p.child)) continue;
      watched.add(p.child);
      p.child.once('exit', onExit(name, p));
    }
  };
  watch();

  return {
    uri: `mongodb://127.0.0.1:${port}/fangxin`,
    engine,
    get pid() {
      return fdb.child.pid!;
    },
    get postgresPid() {
      return pg?.child.pid ?? null;
    },
    postgresUrl: pg ? `postgres://postgres@127.0.0.1:${pgPort}/postgres` : null,
    // Reads /proc rather than waiting for the exit event, so a request right after a crash sees it.
    isUp: () => !down && alive(fdb.child.pid!) && !(pg && !alive(pg.child.pid!)),
    onStatus(handler) {
      status.push(handler);
    },
    onLost(handler) {
      lost = handler;
    },
    async stop() {
      stopping = true;
      process.removeListener('exit', stopOnExit);
      guard.kill('SIGKILL');
      await restarting;
      await stopChild(fdb.child, 'SIGTERM', 5000);
      // A fast shutdown: open transactions roll back, everything committed is checkpointed.
      if (pg) await stopChild(pg.child, 'SIGINT', 20_000);
      fs.rmSync(lock, { force: true });
    },
  };
}
