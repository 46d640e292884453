// Rebuilds missing complaint facts in bulk: for complaints filed before this capability, a
// complaint.filed that failed, or the demo seed. Facts are insert-only per complaint (unique
// complaintId), so a backfill running beside live filings never counts a complaint twice.
import mongoose from 'mongoose';
import { productKey } from '../../shared/productKey.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { resolveProducts } from '../commands/resolveProduct.js';
import { BUREAU_STATUSES, complaints, factOf, type ComplaintDoc } from './facts.js';
import { recordProducts } from '../analytics/weekCells.js';

/** Facts for a batch of complaint documents (products resolved once per distinct identity). */
export async function factsFor(docs: ComplaintDoc[], bureauKnown?: Set<string>) {
  const products = await resolveProducts(docs.map((c) => c.product));
  const ids = docs.map((c) => c._id);
  // Callers that built the events themselves say which went to the bureau; others read the events.
  const bureau =
    bureauKnown ??
    new Set(
      (
        await mongoose.connection
          .collection('complaintevents')
          .find({ complaintId: { $in: ids }, to: { $in: [...BUREAU_STATUSES] } }, { projection: { complaintId: 1 } })
          .toArray()
      ).map((e) => String(e.complaintId)),
    );
  return factsWith(docs, products, bureau);
}

/** The facts of complaints whose products are resolved (`resolveProducts`) and bureau visits known. */
export function factsWith(docs: ComplaintDoc[], products: Map<string, { _id: unknown; name: string }>, bureau: Set<string>) {
  return docs.map((c) => factOf(c, products.get(productKey(c.product) ?? '') ?? null, bureau.has(String(c._id))));
}

/** Inserts the facts of every complaint that has none; returns how many were added. */
export async function backfillFacts(batch = 1000): Promise<number> {
  const [have, total] = await Promise.all([ComplaintFactModel.estimatedDocumentCount(), complaints().estimatedDocumentCount()]);
  if (have >= total) return 0;
  let added = 0;
  let after: mongoose.Types.ObjectId | null = null;
  for (;;) {
    const filter: Record<string, unknown> = after ? { _id: { $gt: after } } : {};
    const docs = await complaints().find(filter).sort({ _id: 1 }).limit(batch).toArray();
    if (docs.length === 0) break;
    after = docs[docs.length - 1]!._id;
    const existing = new Set(
      (await ComplaintFactModel.find({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 }).lean()).map((f) => String(f._id)),
    );
    const missing = docs.filter((d) => !existing.has(String(d._id)));
    if (missing.length === 0) continue;
    const facts = await factsFor(missing);
    try {
      const r = await ComplaintFactModel.insertMany(facts, { ordered: false });
      added += r.length;
    } catch (e) {
      // A concurrent complaint.filed handler inserted some of them first: those are skipped.
      added += (e as { insertedDocs?: unknown[] }).insertedDocs?.length ?? 0;
    }
    // Their product top-list counts (a concurrent handler's are duplicates and add nothing).
    await recordProducts(facts);
  }
  return added;
}
