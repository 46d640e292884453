// `npm run bench`: the figures of issue 8 at growing sizes on one database, in one run. The server
// runs as `npm start` runs it; between sizes it is stopped and `npm run seed -- --complaints N`
// grows its database. Every latency is divided by `GET /api/auth/me` measured at the same size, so
// the budgets hold on a busy machine. Loopback only; every phase bounded in requests and time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { discover, signIn, timeCalls, type Call, type Timed } from './pages.js';
import { benchEnv, engineUri, rssMb, seedMore, startServer, type BenchEnv } from './server.js';
import type { Sample } from './stats.js';
import { measureWrites, type WriteFigures } from './writes.js';
import { measureFanout, SOCKETS, type FanoutFigures } from './fanout.js';
import { DEMO } from '../test/helpers/http.js';
import { report } from './report.js';

export interface SizeResult {
  engine: string;
  size: number;
  complaints: number;
  authMe: Sample;
  calls: Timed[];
  writes: WriteFigures;
  fanout: FanoutFigures;
  rss: number;
  /** Phases that failed at this size, with their reason. */
  problems: string[];
}

const NOT_MEASURED = {
  writes: {
    filingsPerSecond: NaN,
    rawInsertsPerSecond: NaN,
    filed: [],
    transitionP95: NaN,
    transitions: 0,
    failures: '',
    firstFailure: '',
  } as WriteFigures,
  fanout: { p99: NaN, bareP99: NaN } as FanoutFigures,
};

/** The page calls' phase at one size; past it each remaining call gets the few rounds of pages.ts's LATE. */
const PAGE_BUDGET_MS = 15 * 60_000;

async function countComplaints(e: BenchEnv): Promise<number> {
  const conn = await mongoose.createConnection(engineUri(e)).asPromise();
  try {
    return await conn.collection('complaints').countDocuments();
  } finally {
    await conn.close();
  }
}

/** The server answers every figure of one size. */
async function measure(
  e: BenchEnv,
  engine: string,
  size: number,
  calls: Call[] | null,
  log: (s: string) => void,
): Promise<{ result: SizeResult; calls: Call[] }> {
  // The first start seeds the demo; a database smaller than `size` grows with the bulk seeder. The
  // count is taken once (FerretDB v1 counts by reading every complaint) and then kept up to date.
  let server = await startServer(e);
  if (server.seeded) {
    // The demo seed runs inside the first server: its garbage (hundreds of MB at its peak) is given
    // back only once the server idles, which it never does under the benchmark, so the memory
    // figure would be the seed's. Each size measures a server started on its database, as at the
    // sizes the bulk seeder grows.
    log(`  demo seeded by the server (RSS ${rssMb(server.pid)} MB); restarted`);
    await server.stop();
    server = await startServer(e);
  }
  let complaints = (e.complaints ??= await countComplaints(e));
  if (size > complaints) {
    await server.stop();
    log(`  seeding ${(size - complaints).toLocaleString('en')} complaints`);
    await seedMore(e, size - complaints);
    e.complaints = complaints = size;
    server = await startServer(e);
  }
  try {
    log(`  ${complaints.toLocaleString('en')} complaints on ${engine}, server RSS ${rssMb(server.pid)} MB`);
    if (!calls) {
      calls = await discover(server.url);
      log(`  ${calls.length} page calls found over ${new Set(calls.map((c) => c.role)).size} roles`);
    }
    const { calls: timed, authMe: me } = await timeCalls(server.url, calls, { budgetMs: PAGE_BUDGET_MS });
    log(
      `  page calls timed; GET /api/auth/me beside them p50 ${me.p50.toFixed(1)} ms, p95 ${me.p95.toFixed(1)} ms (${me.n} requests); server RSS ${rssMb(server.pid)} MB`,
    );
    const consumer = await signIn(server.url, DEMO.consumer);
    const merchant = await signIn(server.url, DEMO.merchant);
    const regulator = await signIn(server.url, DEMO.regulatorZj);
    // A store of the demo merchant's chain, so that the merchant signed in can answer the filings.
    const stores = await consumer.get(`/stores?q=${encodeURIComponent('万家福')}&limit=20`);
    const store = (stores.body.items as { id: string; merchantName?: string }[]).find((s) => /万家福/.test(s.merchantName ?? ''))!;
    // A phase that fails is reported as not measured, with its reason; the others still count.
    const problems: string[] = [];
    const failed = (phase: string, e: unknown) => (
      problems.push(`${phase}: ${(e as Error).message.slice(0, 300)}`),
      log(`  ${phase} not measured: ${(e as Error).message}`)
    );
    const writes = await measureWrites(consumer, merchant, store.id, engineUri(e)).catch((x) => (failed('writes', x), NOT_MEASURED.writes));
    log(
      `  ${writes.filingsPerSecond.toFixed(1)} filings/s, ${writes.rawInsertsPerSecond.toFixed(0)} raw inserts/s, transition p95 ${writes.transitionP95.toFixed(0)} ms${writes.failures ? `; ${writes.failures}, first: ${writes.firstFailure}` : ''}; server RSS ${rssMb(server.pid)} MB`,
    );
    let rss = NaN;
    const fanout = await measureFanout(server.url, regulator, consumer, store.id, () => (rss = rssMb(server.pid))).catch(
      (x) => (failed('fan-out', x), NOT_MEASURED.fanout),
    );
    log(`  fan-out p99 ${fanout.p99.toFixed(0)} ms (bare ${fanout.bareP99.toFixed(0)} ms), server RSS ${rss} MB at ${SOCKETS} sockets`);
    return { result: { engine, size, complaints, authMe: me, calls: timed, writes, fanout, rss, problems }, calls };
  } finally {
    await server.stop();
  }
}

export async function runScale(o: { sizes: number[]; engines: string[]; write: boolean }) {
  const started = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  // The pages are the built client's.
  spawnSync(process.execPath, ['-e', "import('./scripts/ensure.mjs').then((m) => m.ensureClientBuild())"], { cwd: root, stdio: 'inherit' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-bench-'));
  const results: SizeResult[] = [];
  const loadAtStart = os.loadavg()[0]!;
  // Written after every size, so a run stopped early keeps what it measured.
  const save = () => {
    const md = report(results, { seconds: (Date.now() - started) / 1000, loadAtStart, sizes: o.sizes, engines: o.engines });
    if (o.write) fs.writeFileSync(path.join(root, 'docs/performance.md'), md);
    return md;
  };
  try {
    const [main, ...others] = o.engines;
    const e = await benchEnv(path.join(tmp, main!), { FANGXIN_ENGINE: main! });
    let calls: Call[] | null = null;
    for (const size of o.sizes) {
      log(`${size.toLocaleString('en')} complaints (${main})`);
      const m = await measure(e, main!, size, calls, log);
      calls = m.calls;
      results.push(m.result);
      save();
    }
    // Side by side at the first size: the same measurements on each other engine's own database.
    for (const engine of others) {
      log(`${o.sizes[0]!.toLocaleString('en')} complaints (${engine})`);
      const other = await benchEnv(path.join(tmp, engine), { FANGXIN_ENGINE: engine });
      results.push((await measure(other, engine, o.sizes[0]!, null, log)).result);
      save();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\n' + save());
  if (o.write) log('written to docs/performance.md');
}
