// How problem products follow the complaints capability: each filed complaint gets its fact
// (product link + rollup entry) at once; the flag check of its product and the abuse check of its
// consumer run after, in a background queue, so a consumer's filing never waits for them. Each
// transition refreshes the fact's status figures; each import checks the products it touched.
import mongoose from 'mongoose';
import { on } from '../events/bus.js';
import { logger } from '../logger.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { detectForProduct } from '../commands/detectFlags.js';
import { reviewConsumer } from '../commands/reviewAbuse.js';
import { recordComplaint, refreshComplaint } from './facts.js';

// One queue, one task at a time: checks of the same product never overlap in this process (the
// unique openKey still decides between processes).
let tail: Promise<void> = Promise.resolve();
function later(task: () => Promise<unknown>): void {
  tail = tail.then(task).then(
    () => undefined,
    (err) => logger.error({ err }, 'problem-product check failed'),
  );
}

/** Resolves once every queued check has run (tests, the seed). */
export function checksSettled(): Promise<void> {
  return tail;
}

on('complaint.filed', async ({ complaintId }) => {
  const fact = await recordComplaint(complaintId);
  if (!fact) return;
  later(async () => {
    if (fact.productId) await detectForProduct(fact.productId);
    if (fact.consumerId) await reviewConsumer(String(fact.consumerId));
  });
});

on('complaint.transitioned', async ({ complaintId, to }) => {
  await refreshComplaint(complaintId, to);
});

on('sampling.imported', async ({ resultIds }) => {
  const ids = resultIds.map((id) => new mongoose.Types.ObjectId(id));
  const products = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await SamplingResultModel.find({ _id: { $in: ids.slice(i, i + 500) } }, { productId: 1 }).lean();
    for (const r of rows) products.add(String(r.productId));
  }
  for (const p of products) await detectForProduct(p);
});
