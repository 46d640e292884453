// A worker thread of the bulk seeder (bulk.ts): makes a slice's specs again from the same plan
// (backgroundSpecs is a function of its inputs), lives and folds each chunk it is given
// (buildSynthetic), and encodes the rows for COPY (`copyRows`) for the main thread to stream into PostgreSQL.
// The encoded bytes are handed over, not copied; the count deltas of all its chunks travel once, as JSON text, when asked.
import { parentPort, workerData } from 'node:worker_threads';
import mongoose from 'mongoose';
import { backgroundSpecs } from './productsPlan.js';
import { buildSynthetic, type FactProduct, type SyntheticSpec } from '../products/synthetic.js';
import { copyRows } from '../db/directWrites.js';
import type { Tally } from '../counts/ledger.js';
import type { BulkTask, BulkPlan, BulkResult, BulkFinish, BulkTally } from './bulk.js';

const oid = (hex: string) => new mongoose.Types.ObjectId(hex);
const plan = workerData as BulkPlan;
const now = new Date(plan.now);
const stores = plan.stores.map((s) => ({ ...s, _id: oid(s._id), merchantId: oid(s.merchantId) }));
const consumers = plan.consumers.map(oid);
let slice: { seed: number; specs: SyntheticSpec[] } | null = null;

// The count deltas of every chunk this worker made, handed over once at the end (BulkFinish).
const tally: Tally = new Map();

parentPort!.on('message', (task: BulkTask | BulkFinish) => {
  if ('finish' in task) {
    const done: BulkTally = { tally: JSON.stringify([...tally]) };
    tally.clear();
    parentPort!.postMessage(done);
    return;
  }
  if (slice?.seed !== task.seed)
    slice = {
      seed: task.seed,
      specs: backgroundSpecs({ now, stores, consumers, background: task.count, days: plan.days, seed: task.seed }),
    };
  const products = new Map<string, FactProduct>(task.products.map(([key, id, name]) => [key, { _id: oid(id), name }]));
  const b = buildSynthetic(slice.specs.slice(task.from, task.to), now, products, { clock: true, tally });
  const result: BulkResult = {
    count: b.complaints.length,
    complaints: copyRows(b.complaints),
    events: copyRows(b.events),
    facts: copyRows(b.facts),
    entries: copyRows(b.entries, { ignoreUndefined: true }),
    publics: copyRows(b.publics),
  };
  parentPort!.postMessage(
    result,
    [result.complaints, result.events, result.facts, result.entries, result.publics].flat().map((a) => a.buffer as ArrayBuffer),
  );
});
