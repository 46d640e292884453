// `npm run bench -- writes`: what one filing and one transition cost in database commands (on the
// request path, and after the answer until the effects are done), and the filing rate through HTTP at
// concurrency 10 against raw driver inserts. Counts come from the driver's command monitor on an
// in-process server over a fresh test database; the rate from the server as `npm start` runs it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import '../test/helpers/env.js';
import { wireCapabilities } from '../server/capabilities.js';
import { startTestDatabase, stopTestDatabase } from '../test/helpers/database.js';
import { freshWorld, startTestServer } from '../test/helpers/server.js';
import { DEMO, signedIn, type ApiClient } from '../test/helpers/http.js';
import { benchEnv, engineUri, startServer } from './server.js';
import { signIn } from './pages.js';
import { cpuSeconds } from './seed.js';
import { filingBody, measureWrites } from './writes.js';

type Tally = Map<string, number>;
const QUIET_MS = 1500;
const BURST = 40;

/** Counts every command the driver sends, by `command collection`. */
function monitor() {
  let tally: Tally = new Map();
  let last = performance.now();
  mongoose.connection.getClient().on('commandStarted', (e) => {
    const cmd = e.commandName;
    if (['hello', 'isMaster', 'ping', 'endSessions', 'saslStart', 'saslContinue'].includes(cmd)) return;
    const coll = String((e.command as Record<string, unknown>)[cmd] ?? '');
    const k = `${cmd} ${coll}`;
    tally.set(k, (tally.get(k) ?? 0) + 1);
    last = performance.now();
  });
  return {
    take(): Tally {
      const t = tally;
      tally = new Map();
      return t;
    },
    /** Resolves once no command was sent for QUIET_MS (the work after the answer is done). */
    async quiet(): Promise<void> {
      while (performance.now() - last < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

const total = (t: Tally) => [...t.values()].reduce((a, b) => a + b, 0);
const show = (t: Tally) =>
  [...t]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

async function counted(m: ReturnType<typeof monitor>, label: string, op: () => Promise<void>) {
  await m.quiet();
  m.take();
  await op();
  const request = m.take();
  await m.quiet();
  const after = m.take();
  console.log(`${label}: ${total(request)} commands on the request path, ${total(after)} after the answer`);
  console.log(`  request path: ${show(request)}`);
  console.log(`  after the answer: ${show(after)}`);
}

export async function commandCounts() {
  const uri = await startTestDatabase();
  // The command monitor is a connection option: reconnect with it.
  await mongoose.disconnect();
  await mongoose.connect(uri, { monitorCommands: true });
  const server = await startTestServer();
  try {
    const world = await freshWorld();
    const consumer = await signedIn(server.url, DEMO.consumer);
    const merchant = await signedIn(server.url, DEMO.merchant);
    const storeId = String(world.stores.find((s) => s.countyCode === '330106')!._id);
    const m = monitor();
    const file = async (client: ApiClient, i: number) => {
      const r = await client.post('/complaints', filingBody(storeId, i), { 'Idempotency-Key': crypto.randomUUID() });
      if (r.status !== 201) throw new Error(`filing answered ${r.status}: ${r.text}`);
      return r.body as { id: string; version: number };
    };
    // Warm-up: the first filing of a process (and of a day) pays for caches and the number block.
    const first = await file(consumer, 0);
    await m.quiet();
    let filed = first;
    await counted(m, 'filing (POST /api/complaints)', async () => {
      filed = await file(consumer, 1);
    });
    await counted(m, 'transition (merchant responds)', async () => {
      const r = await merchant.post(`/complaints/${filed.id}/transitions`, {
        action: 'respond',
        expectedVersion: filed.version,
        responseType: 'accepted',
        remedy: { type: 'refund', amountFen: 5900 },
        messageToConsumer: '同意退款。',
      });
      if (r.status !== 200) throw new Error(`transition answered ${r.status}: ${r.text}`);
    });
    // A burst, as the rate below files them: concurrent filings' inserts go to the engine together
    // (server/db/groupInsert.ts), which one filing on its own cannot show.
    await m.quiet();
    m.take();
    const cpu = cpuSeconds();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < BURST) await file(consumer, 100 + next++);
      }),
    );
    const request = m.take();
    await m.quiet();
    const after = m.take();
    const done = cpuSeconds();
    const per = (t: Tally) => (total(t) / BURST).toFixed(1);
    // The quiet wait's idle seconds are in this span too; they cost next to no CPU.
    const used = cpu && done ? `; CPU s ${(done.node - cpu.node).toFixed(1)} node + ${(done.engine - cpu.engine).toFixed(1)} engine` : '';
    console.log(
      `burst of ${BURST} filings, 10 at a time: ${per(request)} commands per filing until the last answer, ${per(after)} after it${used}`,
    );
    const all: Tally = new Map(request);
    for (const [k, n] of after) all.set(k, (all.get(k) ?? 0) + n);
    console.log(`  in all (per ${BURST} filings): ${show(all)}`);
  } finally {
    await server.stop();
    await stopTestDatabase();
  }
}

async function filingRate() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-bench-writes-'));
  try {
    // BENCH_WRITES_DATA: a data directory the demo was seeded into (by a server started on it and
    // stopped), copied for the run: on a loaded machine the demo's cold start can outlast the bench's wait.
    const seeded = process.env.BENCH_WRITES_DATA;
    if (seeded) fs.cpSync(seeded, tmp, { recursive: true });
    // Abuse limits stay on (their rows are part of every request) but scaled past the bench's volume.
    const e = await benchEnv(tmp, { RATE_LIMIT_SCALE: '1000' });
    const server = await startServer(e);
    try {
      const consumer = await signIn(server.url, DEMO.consumer);
      const merchant = await signIn(server.url, DEMO.merchant);
      // A store of the merchant who answers, so that its answers are transitions and not 404s.
      const me = await merchant.get('/auth/me');
      const orgId = (me.body.user ?? me.body).orgId as string;
      const store = (await consumer.get(`/stores?limit=50&merchantId=${orgId}`)).body.items[0] as { id: string } | undefined;
      const w = await measureWrites(consumer, merchant, store!.id, engineUri(e));
      console.log(
        `filing rate: ${w.filingsPerSecond.toFixed(1)} filings/s through HTTP ÷ ${w.rawInsertsPerSecond.toFixed(0)} insertOne/s = ${(w.filingsPerSecond / w.rawInsertsPerSecond).toFixed(3)}× (budget 0.33×); transition p95 ${w.transitionP95.toFixed(0)} ms${w.failures ? `; answered otherwise: ${w.failures}, first: ${w.firstFailure}` : ''}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function run() {
  wireCapabilities();
  await commandCounts();
  await filingRate();
}
