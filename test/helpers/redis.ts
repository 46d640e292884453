import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from '../../server/db/ferretdb.js';

let redis: Promise<string> | null = null;
let child: ChildProcess | null = null;

async function start(): Promise<string> {
  const port = await freePort();
  // In memory only: nothing saved, nothing left behind.
  child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child!.once('error', (e) => reject(new Error(`cannot start redis-server (install Debian's redis-server): ${e.message}`)));
    child!.once('exit', (code) => reject(new Error(`redis-server exited (code ${code}) before accepting connections`)));
  });
  const listening = (async () => {
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (open) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.race([listening, failed]);
  return `redis://127.0.0.1:${port}`;
}

/** TEST_REDIS_URL, or a redis-server of our own on a free port, started on first use for the run. */
export function testRedisUrl(): Promise<string> {
  if (process.env.TEST_REDIS_URL) return Promise.resolve(process.env.TEST_REDIS_URL);
  return (redis ??= start());
}

export async function stopTestRedis(): Promise<void> {
  if (!child) return;
  const c = child;
  child = null;
  redis = null;
  if (c.exitCode === null) await new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')));
}
