// `complaint:created` at 1,000 connected regulator sockets, against a bare socket.io server
// broadcasting the same payload to 1,000 sockets. Each delivery is timed from the moment the event
// is known to have happened: the filing's answer (or the bare server's trigger answer), or the first
// socket's receipt when that came earlier (both servers emit before they answer).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { ApiClient } from '../test/helpers/http.js';
import { percentile } from './stats.js';
import { filingBody } from './writes.js';

export const SOCKETS = 1000;
const ROUNDS = 6;

async function connectAll(url: string, cookie: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < SOCKETS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, () =>
      io(url, {
        path: '/socket.io',
        transports: ['websocket'],
        extraHeaders: cookie ? { cookie } : {},
        reconnection: false,
        forceNew: true,
      }),
    );
    await Promise.all(
      batch.map((s) => new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)))),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Each round: trigger, then wait until every socket has the event with that id; latencies from the trigger's answer. */
async function rounds(sockets: Socket[], trigger: (i: number) => Promise<{ id: string; answeredAt: number }>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const got: number[] = [];
    let want = '';
    const early: { id: string; at: number }[] = [];
    const all = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      for (const s of sockets)
        s.on('complaint:created', (p: { id: string }) => {
          const at = performance.now();
          if (!want) early.push({ id: p.id, at });
          else if (p.id === want) got.push(at);
          if (got.length + early.filter((e) => e.id === want).length >= sockets.length) {
            clearTimeout(timer);
            resolve();
          }
        });
    });
    const { id, answeredAt } = await trigger(i);
    want = id;
    got.push(...early.filter((e) => e.id === id).map((e) => e.at));
    if (got.length < sockets.length) await all;
    for (const s of sockets) s.off('complaint:created');
    const from = Math.min(answeredAt, ...got);
    latencies.push(...got.map((at) => at - from));
    if (got.length < sockets.length) latencies.push(...Array.from({ length: sockets.length - got.length }, () => 30_000));
  }
  return latencies;
}

export interface FanoutFigures {
  p99: number;
  bareP99: number;
}

/** Connects 1,000 sockets as `regulator`, measures, and calls `whileConnected` (RSS) before closing. */
export async function measureFanout(
  url: string,
  regulator: ApiClient,
  consumer: ApiClient,
  storeId: string,
  whileConnected: () => void,
): Promise<FanoutFigures> {
  const sockets = await connectAll(url, regulator.cookieHeader());
  let p99: number;
  try {
    const lat = await rounds(sockets, async (i) => {
      const r = await consumer.post('/complaints', filingBody(storeId, 10_000 + i), { 'Idempotency-Key': crypto.randomUUID() });
      const answeredAt = performance.now();
      if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${r.text}`);
      return { id: String(r.body.id), answeredAt };
    });
    p99 = percentile(lat, 99);
    whileConnected();
  } finally {
    for (const s of sockets) s.close();
  }
  return { p99, bareP99: await bare() };
}

async function bare(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) =>
      child.stdout!.once('data', (d: Buffer) => resolve(Number(/port (\d+)/.exec(d.toString())![1]))),
    );
    const url = `http://127.0.0.1:${port}`;
    const sockets = await connectAll(url, '');
    try {
      const lat = await rounds(sockets, async () => {
        const id = crypto.randomBytes(12).toString('hex');
        await fetch(`${url}/emit`, { method: 'POST', body: JSON.stringify({ id, countyCode: '330106', priority: 'normal' }) }).then((r) =>
          r.text(),
        );
        return { id, answeredAt: performance.now() };
      });
      return percentile(lat, 99);
    } finally {
      for (const s of sockets) s.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}
