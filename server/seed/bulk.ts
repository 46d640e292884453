// `npm run seed -- --complaints N`: N more synthetic complaints in the database `npm start` uses,
// over every store (so every region, merchant and category the demo knows), the last 12 months and
// every status. Each complaint is lived by the lifecycle with its deadline clock and folded by the
// projection (products/synthetic.ts), then stored in bulk with its events, facts and rollup entries;
// the weekly rollups and merchant credit are brought up to date as the hourly job would.
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { now } from '../clock.js';
import { logger } from '../logger.js';
import { StoreModel } from '../models/Store.js';
import { UserModel } from '../models/User.js';
import { refreshAllCredit } from '../products/credit.js';
import { insertSynthetic, productsOf, type FactProduct, type SyntheticSpec } from '../products/synthetic.js';
import { productKeys } from '../../shared/productKey.js';
import { backgroundSpecs } from './productsPlan.js';
import { insertEncoded, withoutCompanions, writingDirectly } from '../db/directWrites.js';
import { tallyAdd, writeSealed, type Tally } from '../counts/ledger.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';
import { backfillPublicCounts } from '../disclosure/counts.js';
import { backfillPublicNumbers } from '../disclosure/numbers.js';
import { factsNumbered, numberFactsHolding } from '../products/factNumbers.js';

// Specs are made a slice at a time, so a million complaints never sit in memory at once.
const SLICE = 10_000;
/** Complaints per chunk: one task of a worker, and one COPY into each of the four tables. */
const CHUNK = 1000;
const DAYS = 365;

/** What every worker is given once (bulkWorker.ts): the plan's inputs, ids as hex. */
export interface BulkPlan {
  now: number;
  days: number;
  stores: { _id: string; merchantId: string; merchantName: string; name: string; countyCode: string }[];
  consumers: string[];
}
/** One chunk: complaints [from, to) of the slice planned with `seed` and `count`, with their products resolved. */
export interface BulkTask {
  seed: number;
  count: number;
  from: number;
  to: number;
  products: [key: string, id: string, name: string][];
}
/** A chunk's rows encoded for COPY (directWrites.ts `copyRows`). */
export interface BulkResult {
  count: number;
  complaints: Uint8Array[];
  events: Uint8Array[];
  facts: Uint8Array[];
  entries: Uint8Array[];
  publics: Uint8Array[];
}
/**
 * Asked of each worker once its chunks are stored: the count deltas of all of them, as the JSON of the
 * tally's pairs. A worker sums its chunks into one tally and hands it over once, as text: a structured
 * clone of a tally's objects (thousands of distinct keys each) cost about ten times JSON's round trip,
 * and per chunk it was paid again with a merge on this thread (12 CPU s of a 10,000-complaint load; now
 * under 3, docs/performance.md).
 */
export interface BulkFinish {
  finish: true;
}
export interface BulkTally {
  tally: string;
}

export async function seedBulk(n: number, opts: { onProgress?: (done: number) => void } = {}): Promise<number> {
  const at = now();
  // A closed store takes no new complaints.
  const stores = await StoreModel.find({ status: { $ne: 'closed' } }, { merchantId: 1, merchantName: 1, name: 1, countyCode: 1 }).lean();
  const consumers = (await UserModel.find({ role: 'consumer' }, { _id: 1 }).lean()).map((u) => u._id);
  if (!stores.length || !consumers.length) throw new Error('the database has no stores or consumers to file complaints with');
  // The public records published before are counted first, once, so the load's are counted in its tally alone.
  await backfillPublicCounts();
  // A different plan for every run, the same for the same clock. (Not the number of complaints:
  // FerretDB v1 counts a collection by reading all of it.)
  const base = Math.floor(at.getTime() / 1000);
  let done = 0;
  // One delta row per audience and week for the whole load (not per chunk).
  const tally: Tally = new Map();
  const slices = Array.from({ length: Math.ceil(n / SLICE) }, (_, k) => ({
    seed: base + k * SLICE + 1,
    count: Math.min(SLICE, n - k * SLICE),
  }));
  const specsOf = (slice: { seed: number; count: number }) =>
    backgroundSpecs({ now: at, stores: stores as never, consumers, background: slice.count, days: DAYS, seed: slice.seed });
  const onProgress = (d: number) => opts.onProgress?.(d);
  const load = writingDirectly()
    ? () =>
        loadInWorkers(
          { now: at.getTime(), days: DAYS, stores: stores.map(hexStore), consumers: consumers.map(String) },
          slices,
          specsOf,
          tally,
          onProgress,
        )
    : async () => {
        for (const slice of slices) {
          const specs = specsOf(slice);
          await insertSynthetic(specs, at, { clock: true, tally, onProgress: (d) => onProgress(done + d) });
          done += specs.length;
        }
        return done;
      };
  // A load at least as large as what is there goes in without the tables' GIN companions, which are
  // built once after it (withoutCompanions); a smaller one grows them row by row, which then costs
  // less than building them again over everything.
  const tables = [ComplaintModel, ComplaintEventModel, ComplaintFactModel, ComplaintEntryModel];
  // Where a seed's seconds go (LOG_LEVEL=debug): the load with its index builds, the rollups, the credit.
  const stages: Record<string, number> = {};
  let mark = Date.now();
  const stage = (name: string) => {
    stages[name] = Date.now() - mark;
    mark = Date.now();
  };
  done =
    n >= (await ComplaintModel.estimatedDocumentCount())
      ? await withoutCompanions(
          tables.map((m) => m.collection),
          load,
        )
      : await load();
  stage('load');
  // The load's counts as the next sealed snapshot of each scope: the figures and lists read one
  // snapshot per scope at once, and the sealer has none of the load's rows to fold.
  await writeSealed(tally);
  stage('rollups');
  // Credit once, over every merchant, at the end.
  await refreshAllCredit(at);
  stage('credit');
  // The load's public records, written out of order across its chunks, and any before them, numbered
  // in the order of their ids (the list without a filter reads by number).
  await backfillPublicNumbers(true);
  stage('public numbers');
  // Every fact numbered among its merchant's in the order of filing (the load's interleave with those
  // before it), in one UPDATE of the table: the credit inputs read bands at once.
  await numberFactsHolding();
  await factsNumbered();
  stage('credit numbers');
  logger.debug({ complaints: done, scopes: tally.size, ms: stages }, 'bulk seed stages');
  return done;
}

// A store as the workers get it: its ids as hex, the rest as read.
const hexStore = (s: { _id: unknown; merchantId: unknown; merchantName?: unknown; name?: unknown; countyCode?: unknown }) =>
  ({ ...s, _id: String(s._id), merchantId: String(s.merchantId) }) as BulkPlan['stores'][number];

/**
 * The load with direct writes: worker threads live, fold and encode the chunks (the CPU of a seed)
 * while this thread resolves each chunk's products and streams finished chunks into PostgreSQL, a
 * few at a time on the pool's connections. Returns how many complaints were stored. Every chunk
 * started is waited for, also after a failure, so nothing writes behind the index rebuild that
 * follows (withoutCompanions).
 */
async function loadInWorkers(
  plan: BulkPlan,
  slices: { seed: number; count: number }[],
  specsOf: (slice: { seed: number; count: number }) => ReturnType<typeof backgroundSpecs>,
  tally: Tally,
  onProgress: (done: number) => void,
): Promise<number> {
  // Fangxin runs from its TypeScript through tsx, whose loader Node 20 does not carry into a worker
  // thread: the worker registers tsx's require hook, then requires its module.
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(fileURLToPath(new URL('./bulkWorker.ts', import.meta.url)))});`;
  const workers = Array.from(
    { length: Math.max(1, Math.min(4, os.availableParallelism())) },
    () => new Worker(boot, { eval: true, workerData: plan }),
  );
  // Each worker does one task at a time; its answer, or its death, settles that task.
  type Settle = { resolve: (r: unknown) => void; reject: (e: unknown) => void };
  const pending = new Map<Worker, Settle>();
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const release = (w: Worker) => (waiting.length ? waiting.shift()!(w) : idle.push(w));
  for (const w of workers) {
    const settle = (f: (p: Settle) => void) => {
      const p = pending.get(w);
      pending.delete(w);
      if (p) f(p);
    };
    w.on('message', (r: unknown) => settle((p) => p.resolve(r)));
    w.on('error', (e) => settle((p) => p.reject(e)));
    w.on('exit', (code) => settle((p) => p.reject(new Error(`a seeding worker stopped (exit code ${code})`))));
    idle.push(w);
  }
  const ask = <R>(w: Worker, message: BulkTask | BulkFinish) =>
    new Promise<R>((resolve, reject) => {
      pending.set(w, { resolve: resolve as (r: unknown) => void, reject });
      w.postMessage(message);
    });
  const run = async (task: BulkTask): Promise<BulkResult> => {
    const w = idle.pop() ?? (await new Promise<Worker>((r) => waiting.push(r)));
    try {
      return await ask<BulkResult>(w, task);
    } finally {
      release(w);
    }
  };
  // Products resolved so far, by key: a load names the same few thousand products again and again, so
  // each slice resolves only those not seen before (a resolution per chunk, each several reads of
  // the aliases and products through FerretDB, was a fifth of a seed, on this thread, before each chunk).
  const known = new Map<string, FactProduct>();
  const resolve = async (specs: SyntheticSpec[]) => {
    const unseen = specs.filter((s) => productKeys(s.product).some((k) => !known.has(k)));
    if (unseen.length) for (const [key, p] of await productsOf(unseen)) known.set(key, p);
  };
  // Chunks being made or stored; more than the workers, so one is always being stored.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let done = 0;
  try {
    for (const slice of slices) {
      const specs = specsOf(slice);
      await resolve(specs);
      for (let from = 0; from < specs.length && !failure; from += CHUNK) {
        const to = Math.min(specs.length, from + CHUNK);
        const keys = new Set(specs.slice(from, to).flatMap((s) => productKeys(s.product)));
        const products = [...keys].flatMap((key) => {
          const p = known.get(key);
          return p ? [[key, String(p._id), p.name] as [string, string, string]] : [];
        });
        const chunk = run({ seed: slice.seed, count: slice.count, from, to, products })
          .then(async (r) => {
            await Promise.all([
              insertEncoded(ComplaintModel.collection, r.complaints),
              insertEncoded(ComplaintEventModel.collection, r.events),
              insertEncoded(ComplaintFactModel.collection, r.facts),
              insertEncoded(ComplaintEntryModel.collection, r.entries),
              insertEncoded(PublicComplaintModel.collection, r.publics),
            ]);
            done += r.count;
            onProgress(done);
          })
          .catch((error) => {
            failure ??= { error };
          })
          .finally(() => inFlight.delete(chunk));
        inFlight.add(chunk);
        while (inFlight.size > workers.length + 1) await Promise.race(inFlight);
      }
      if (failure) break;
    }
    await Promise.all(inFlight);
    // Every chunk is stored: each worker's tally of its chunks, added once.
    if (!failure)
      for (const w of workers) {
        const pairs = JSON.parse((await ask<BulkTally>(w, { finish: true })).tally) as [string, Record<string, number>][];
        for (const [scope, d] of pairs) tallyAdd(tally, scope, d);
      }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw (failure as { error: unknown }).error;
  return done;
}
