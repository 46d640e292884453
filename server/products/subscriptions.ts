// How problem products follow the complaints capability. Complaint events reach these handlers from
// the durable effect runner, after the answer: each filed complaint gets its fact (product link and
// rollup entry), then the flag check of its product and the abuse check of its consumer; each
// transition refreshes the fact's status figures, and a redirect moves the fact to the new merchant
// (both merchants' credit recomputed). Each import checks the products it touched.
import mongoose from 'mongoose';
import { subscription } from '../events/bus.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { checkProduct } from '../commands/detectFlags.js';
import { reviewConsumer } from '../commands/reviewAbuse.js';
import { followRedirect, recordComplaint, refreshComplaint } from './facts.js';
import { oneAtATime } from './oneAtATime.js';
import { complaintReads } from '../complaints/eventReads.js';

const checkConsumer = oneAtATime((consumerId) => reviewConsumer(consumerId));

export const productSubscriptions = [
  subscription('complaint.filed', async ({ complaintId, reads, fresh }) => {
    const fact = await recordComplaint(complaintId, { reads, fresh });
    if (!fact) return;
    await Promise.all([fact.productId && checkProduct(String(fact.productId)), fact.consumerId && checkConsumer(String(fact.consumerId))]);
  }),
  subscription('complaint.transitioned', async ({ complaintId, to, seq, route, reads = complaintReads(complaintId) }) => {
    await refreshComplaint(complaintId, to, reads);
    if (route) await followRedirect(complaintId, seq, route, reads);
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
