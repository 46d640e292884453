import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/build-ferretdb.sh');

export interface EmbeddedDb {
  uri: string;
  pid: number;
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isFerretDb(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb');
  } catch {
    return false;
  }
}

/**
 * A second server on the same data directory would corrupt it: the pid file names the owning
 * server and its FerretDB. A FerretDB left running by a server that was killed outright is stopped.
 */
function takeLock(dir: string): string {
  const lock = path.join(dir, 'ferretdb.pid');
  try {
    const [owner, db] = fs.readFileSync(lock, 'utf8').trim().split(/\s+/).map(Number);
    if (owner && owner !== process.pid && alive(owner)) {
      throw new Error(`the data directory ${dir} is in use by another Fangxin (pid ${owner})`);
    }
    if (db && alive(db) && isFerretDb(db)) process.kill(db, 'SIGKILL');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(lock, String(process.pid));
  return lock;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

/** Starts FerretDB (SQLite backend) under `dataDir` and waits until it accepts connections. */
export async function startFerretDb(opts: { dataDir: string; port?: number }): Promise<EmbeddedDb> {
  const dir = path.join(opts.dataDir, 'ferretdb');
  fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  const lock = takeLock(dir);
  const binary = ferretDbBinary();
  const port = opts.port || (await freePort());
  if (await portOpen(port)) throw new Error(`cannot start FerretDB: port ${port} is already taken`);

  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${path.join(dir, 'sqlite')}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    // Its own process group: a Ctrl-C must reach only us, so the database outlives our shutdown.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  fs.writeFileSync(lock, `${process.pid} ${child.pid}`);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  let stopping = false;
  let unexpected: ((reason: string) => void) | null = null;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    const last = stderr.trim().split('\n').pop() ?? '';
    unexpected?.(`FerretDB exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}`);
  });

  const deadline = Date.now() + 30_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) {
      const line = stderr.trim().split('\n').pop() ?? '';
      throw new Error(`cannot start FerretDB (exit ${child.exitCode}): ${line}`);
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error('cannot start FerretDB: it did not accept connections within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${port}/fangxin`,
    pid: child.pid!,
    onUnexpectedExit(handler) {
      unexpected = handler;
    },
    async stop() {
      stopping = true;
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
      fs.rmSync(lock, { force: true });
    },
  };
}
