// How problem products follow the complaints capability. Complaint events reach these handlers from
// the durable effect runner, after the answer: each filed complaint gets its fact (product link and
// rollup entry), then the flag check of its product and the abuse check of its consumer; each
// transition refreshes the fact's status figures. Each import checks the products it touched.
import mongoose from 'mongoose';
import { subscription } from '../events/bus.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { detectForProduct } from '../commands/detectFlags.js';
import { reviewConsumer } from '../commands/reviewAbuse.js';
import { recordComplaint, refreshComplaint } from './facts.js';

/**
 * Runs checks of one key (a product, a consumer) one at a time, each answering every call made
 * before it started: a check reads the facts and then writes the flag, so two overlapping checks
 * could let the one that read less write last, and a flag would miss the newest complaint. Calls
 * that arrive while a check runs share the one check after it.
 */
function oneAtATime(check: (key: string) => Promise<unknown>) {
  const slots = new Map<string, { current: Promise<unknown>; next?: Promise<unknown> }>();
  const settle = (key: string, p: Promise<unknown>) => {
    const s = slots.get(key);
    if (s && s.current === p && !s.next) slots.delete(key);
  };
  return (key: string): Promise<unknown> => {
    const slot = slots.get(key);
    if (!slot) {
      const current: Promise<unknown> = check(key).finally(() => settle(key, current));
      slots.set(key, { current });
      return current;
    }
    if (slot.next) return slot.next;
    const next: Promise<unknown> = slot.current
      .catch(() => undefined)
      .then(() => {
        slot.current = next;
        slot.next = undefined;
        return check(key);
      })
      .finally(() => settle(key, next));
    slot.next = next;
    return next;
  };
}

const checkProduct = oneAtATime((productId) => detectForProduct(productId));
const checkConsumer = oneAtATime((consumerId) => reviewConsumer(consumerId));

export const productSubscriptions = [
  subscription('complaint.filed', async ({ complaintId }) => {
    const fact = await recordComplaint(complaintId);
    if (!fact) return;
    await Promise.all([fact.productId && checkProduct(String(fact.productId)), fact.consumerId && checkConsumer(String(fact.consumerId))]);
  }),
  subscription('complaint.transitioned', async ({ complaintId, to }) => {
    await refreshComplaint(complaintId, to);
  }),
  subscription('sampling.imported', async ({ resultIds }) => {
    const ids = resultIds.map((id) => new mongoose.Types.ObjectId(id));
    const products = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await SamplingResultModel.find({ _id: { $in: ids.slice(i, i + 500) } }, { productId: 1 }).lean();
      for (const r of rows) products.add(String(r.productId));
    }
    for (const p of products) await checkProduct(p);
  }),
];
