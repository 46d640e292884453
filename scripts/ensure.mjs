// What `npm start` and `npm test` install for themselves on a fresh machine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  return r;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : mtime(p));
  }
  return latest;
}

/**
 * Whether node_modules holds what the lock file names: npm's record of what it installed
 * (node_modules/.package-lock.json) has each locked package as locked, and only optional ones (other
 * platforms' binaries) are missing. By content, not by date: a checkout or a hard-linked copy of
 * node_modules dates the two files in any order.
 */
function installedMatchesLock() {
  let locked, installed;
  try {
    locked = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages;
    installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '.package-lock.json'), 'utf8')).packages;
  } catch {
    return false;
  }
  const names = Object.keys(locked).filter((name) => name !== '');
  if (Object.keys(installed).some((name) => !(name in locked))) return false;
  return names.every((name) =>
    name in installed
      ? JSON.stringify(installed[name]) === JSON.stringify(locked[name])
      : locked[name].optional || locked[name].devOptional,
  );
}

/** npm ci unless node_modules already holds what the lock file names (a fresh clone has none). */
export function ensureDependencies() {
  if (installedMatchesLock()) return;
  console.log('› installing dependencies (npm ci)…');
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
}

/** FerretDB built once per version into ~/.cache/fangxin (skipped with MONGODB_URI). */
export function ensureFerretDb() {
  if (process.env.MONGODB_URI) return;
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/build-ferretdb.sh')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error('cannot build FerretDB (is Go installed?)');
}

/** True when client/dist is missing or older than a client or shared source. */
export function clientBuildStale() {
  const built = mtime(path.join(ROOT, 'client/dist/index.html'));
  return !built || built < Math.max(newest(path.join(ROOT, 'client')), newest(path.join(ROOT, 'shared')));
}

const VITE_BUILD = ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'];

/** The client bundle, rebuilt when any client or shared source is newer than it. */
export function ensureClientBuild() {
  if (!clientBuildStale()) return;
  console.log('› building the client…');
  run('npx', VITE_BUILD);
}

/** The same, in the background: resolves when the bundle is up to date, rejects when the build fails. */
export function buildClientInBackground() {
  if (!clientBuildStale()) return Promise.resolve();
  console.log('› building the client…');
  const child = spawn('npx', VITE_BUILD, { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', (e) => reject(new Error(`npx could not run: ${e.message}`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the client build failed (exit ${code})`))));
  });
}

/** Debian's Chromium for the browser tests, installed when missing and we may. */
export function ensureChromium() {
  const bin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(bin)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Chromium is missing at ${bin}: install Debian's chromium package (apt-get install chromium)`);
  console.log('› installing Chromium from Debian…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Debian's redis-server for the multi-instance tests (each run starts its own on a free port). */
export function ensureRedis() {
  if (process.env.TEST_REDIS_URL || spawnSync('redis-server', ['--version']).status === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error("redis-server is missing: install Debian's redis-server package (apt-get install redis-server)");
  console.log('› installing redis-server from Debian…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'redis-server'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function fail(e) {
  console.error(`\n${e.message}`);
  process.exit(1);
}
