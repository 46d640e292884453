// Rebuilds missing complaint facts in bulk: for complaints filed before this capability, a
// complaint.filed that failed, or the demo seed. Facts are insert-only per complaint (unique
// complaintId), so a backfill running beside live filings never counts a complaint twice.
import mongoose from 'mongoose';
import { productKey } from '../../shared/productKey.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { JobRunModel } from '../models/JobRun.js';
import { resolveProducts } from '../commands/resolveProduct.js';
import { BUREAU_STATUSES, complaints, factOf, followRedirect, shownFields, type ComplaintDoc } from './facts.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import type { ComplaintRoute } from '../events/bus.js';
import { recordProducts } from '../analytics/weekCells.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { claim } from '../jobs/claim.js';
import { logger } from '../logger.js';
import { nextFactNumber } from './factNumbers.js';

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
    // Numbered as they are written now: listed with their merchant's newest credit inputs (factNumbers.ts).
    const facts = await Promise.all((await factsFor(missing)).map(async (f) => ({ ...f, ...(await nextFactNumber(f.merchantId)) })));
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

const SHOWN = 'backfill:complaint-fact-shown-fields-v1';
/** Facts updated per step (one progress line each). */
const SHOWN_STEP = 1000;

/** Records that every fact holds what the credit inputs show; a database seeded from empty calls it first. */
export const factsHoldShownFields = () => claim(SHOWN, 'backfill');

/**
 * Facts written before they held the complaint's number, store and product name get them, once per
 * database, from one scan of the complaints, updated in bulk. A fact that has them (written or
 * refreshed meanwhile) is left alone, so a stop halfway leaves the rest to the next start. Until it
 * ends, the credit inputs read the complaints of the facts without them.
 */
export async function backfillShownFields(): Promise<number> {
  if (await JobRunModel.exists({ key: SHOWN })) return 0;
  let done = 0;
  let ops: { updateOne: { filter: Record<string, unknown>; update: Record<string, unknown> } }[] = [];
  const flush = async () => {
    await bulkWriteInChunks(ComplaintFactModel.collection as never, ops, 3);
    done += ops.length;
    ops = [];
    logger.info({ done }, 'complaint facts given their number, store and product name');
  };
  const rows = complaints().find({}, { projection: { number: 1, storeName: 1, 'product.name': 1 } });
  for await (const c of rows) {
    ops.push({ updateOne: { filter: { complaintId: c._id, number: { $exists: false } }, update: { $set: shownFields(c) } } });
    if (ops.length >= SHOWN_STEP) await flush();
  }
  if (ops.length) await flush();
  await factsHoldShownFields();
  return done;
}

const REDIRECTED = 'backfill:redirected-facts-v1';

/** Records that every redirected complaint's fact moved with it; a database seeded from empty calls it first. */
export const factsFollowRedirects = () => claim(REDIRECTED, 'backfill');

/**
 * Facts of complaints redirected before a redirect moved them kept their first merchant, store and
 * county: each moves as its last redirect's effects now move it, once per database, from one read of
 * the redirect events (an equality the engine pushes down; a few rows). Repeatable halfway: a moved
 * fact is not moved again, and the counts' delta is the one the redirect's own effects would write.
 */
export async function backfillRedirectedFacts(): Promise<number> {
  if (await JobRunModel.exists({ key: REDIRECTED })) return 0;
  const last = new Map<string, { seq: number; route: ComplaintRoute }>();
  for (const e of await ComplaintEventModel.find({ action: 'redirect' }, { complaintId: 1, seq: 1, data: 1 }).lean()) {
    const id = String(e.complaintId);
    if ((last.get(id)?.seq ?? 0) < e.seq) last.set(id, { seq: e.seq, route: (e.data as { route: ComplaintRoute }).route });
  }
  for (const [id, { seq, route }] of last) await followRedirect(id, seq, route);
  await factsFollowRedirects();
  return last.size;
}
