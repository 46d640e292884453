// Builds and refreshes the ComplaintFact of a complaint: its product link and rollup entry.
// Complaint documents are read, never written: they belong to the complaints capability.
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { isKeyCategory, CLOSED_STATUSES } from '../../shared/enums.js';
import { normalizeToken } from '../../shared/productKey.js';
import { cityOf } from '../../shared/regions.js';
import { ComplaintFactModel, type ComplaintFactRecord } from '../models/ComplaintFact.js';
import { complaintReads } from '../complaints/eventReads.js';
import { resolveProduct } from '../commands/resolveProduct.js';
import { recordProducts } from '../analytics/weekCells.js';
import { addCounts, productCounts } from '../analytics/rollup.js';
import { addDeltas } from '../counts/ledger.js';
import type { ComplaintRoute } from '../events/bus.js';
import { checkProduct } from '../commands/detectFlags.js';
import { refreshMerchantCredit } from './credit.js';
import { groupCreate } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';
import { nextFactNumber } from './factNumbers.js';

/** The fields of a complaint document (server/models/Complaint.ts) this capability reads. */
export interface ComplaintDoc {
  _id: mongoose.Types.ObjectId;
  number: string;
  status: string;
  consumerId: mongoose.Types.ObjectId;
  merchantId: mongoose.Types.ObjectId;
  storeId: mongoose.Types.ObjectId;
  storeName: string;
  countyCode: string;
  cityCode?: string;
  product: { name: string; category: string; gtin?: string; brand?: string; model?: string; batch?: string };
  problemType: string;
  description?: string;
  safetyIncident?: { kind?: string } | null;
  priority?: string;
  createdAt: Date;
  day: string;
  week: string;
  acceptedAt?: Date;
  respondedAt?: Date;
  respondedInTime?: boolean;
  closedAt?: Date;
  rating?: { satisfaction?: number };
  remedy?: { status?: string } | null;
}

/** A promised remedy as the merchant figures count it: kept (confirmed), broken (disputed, overdue) or pending. */
const PROMISE_OF: Record<string, 'kept' | 'broken' | 'pending'> = {
  promised: 'pending',
  fulfilled: 'pending',
  confirmed: 'kept',
  disputed: 'broken',
  overdue: 'broken',
};

/** Statuses that mean the bureau has the complaint (so a later close is not source resolution). */
export const BUREAU_STATUSES = new Set(['awaiting_regulator', 'in_mediation', 'mediated', 'mediation_failed', 'declined']);
const DAY_MS = 24 * 3600 * 1000;

export const complaints = () => mongoose.connection.collection<ComplaintDoc>('complaints');

/**
 * A description's fingerprint: digits, amounts, dates and punctuation removed, so that filings
 * from one template with different order numbers and sums look the same.
 */
export function templateOf(description: string | undefined): string {
  const t = normalizeToken(description).replace(/\d+/g, '');
  return crypto.createHash('sha1').update(t.slice(0, 400)).digest('hex').slice(0, 16);
}

/** The status part of a fact, recomputed from the complaint (and what the fact already knew). */
export function statusFields(c: ComplaintDoc, knewBureau = false) {
  const regulatorInvolved = knewBureau || BUREAU_STATUSES.has(c.status) || !!c.acceptedAt;
  const closed = (CLOSED_STATUSES as readonly string[]).includes(c.status);
  const timelyResponse = typeof c.respondedInTime === 'boolean' ? c.respondedInTime : regulatorInvolved && !c.respondedAt ? false : null;
  return {
    status: c.status,
    closed,
    regulatorInvolved,
    timelyResponse,
    daysToClose:
      closed && c.closedAt
        ? Math.round(((new Date(c.closedAt).getTime() - new Date(c.createdAt).getTime()) / DAY_MS) * 10) / 10
        : undefined,
    satisfaction: typeof c.rating?.satisfaction === 'number' ? c.rating.satisfaction : undefined,
    promise: c.remedy?.status ? PROMISE_OF[c.remedy.status] : undefined,
  };
}

/** What the credit inputs show of a complaint; the store's name follows a redirect. */
export const shownFields = (c: Pick<ComplaintDoc, 'number' | 'storeName' | 'product'>) => ({
  number: c.number,
  storeName: c.storeName,
  filedProductName: c.product.name,
});

/** Whom and where the fact counts the complaint for: its merchant's credit, the region's figures. */
const routeFields = (r: ComplaintRoute) => ({
  merchantId: new mongoose.Types.ObjectId(String(r.merchantId)),
  storeId: new mongoose.Types.ObjectId(String(r.storeId)),
  provinceCode: r.countyCode.slice(0, 2),
  cityCode: r.cityCode ?? cityOf(r.countyCode),
  countyCode: r.countyCode,
});

/** The whole fact of a complaint whose product has been resolved. */
export function factOf(c: ComplaintDoc, product: { _id: unknown; name: string } | null, knewBureau = false) {
  return {
    // The complaint's id is the fact's: FerretDB finds a document by _id without a scan.
    _id: c._id,
    complaintId: c._id,
    consumerId: c.consumerId,
    productId: product?._id,
    productName: product?.name,
    ...shownFields(c),
    ...routeFields(c),
    category: c.product.category,
    keyCategory: isKeyCategory(c.product.category),
    problemType: c.problemType,
    safety: !!c.safetyIncident?.kind || c.problemType === 'safety',
    urgent: c.priority === 'urgent',
    template: templateOf(c.description),
    createdAt: c.createdAt,
    day: c.day,
    week: c.week,
    ...statusFields(c, knewBureau),
  };
}

/**
 * Records a complaint's fact once; a second call (replayed event, backfill) adds nothing and
 * returns the stored fact. Returns null for an unknown complaint. `reads` are the complaint event's
 * shared reads (the fact is handed on through them); `fresh`: the first run of the filing's effects,
 * which skips asking whether the fact exists (the rare one that does, from a transition's effects
 * that ran first, is found by the insert's clash, and the rollup entry's ids make its repeat add nothing).
 */
export async function recordComplaint(complaintId: string, { reads = complaintReads(complaintId), fresh = false } = {}) {
  const c = (await reads.complaint()) as unknown as ComplaintDoc | null;
  if (!c) return null;
  if (!fresh) {
    const existing = await reads.fact();
    if (existing) return existing;
  }
  const product = await resolveProduct({ ...c.product, name: c.product.name });
  // Its number among its merchant's facts (a lost insert race leaves that number a gap: factNumbers.ts).
  const doc = { ...factOf(c, product), ...(await nextFactNumber(c.merchantId)) };
  // The rollup entry first: a run cut short after it finds no fact and repeats both, and the entry
  // (keyed by the complaint) adds nothing the second time. The other order could lose the entry.
  await recordProducts([doc]);
  const insert = groupCreate(ComplaintFactModel, [doc]);
  const fact: ComplaintFactRecord | null = (await firstWriter(insert))
    ? ((await insert)[0] as unknown as ComplaintFactRecord)
    : await ComplaintFactModel.findById(c._id).lean();
  reads.knowFact(fact);
  return fact;
}

/** After a transition: copy the complaint's new status figures (and store, after a redirect) onto its fact. */
export async function refreshComplaint(complaintId: string, to?: string, reads = complaintReads(complaintId)) {
  const c = (await reads.complaint()) as unknown as ComplaintDoc | null;
  if (!c) return;
  const fact = await reads.fact();
  if (!fact) return void (await recordComplaint(complaintId, { reads }));
  const knew = fact.regulatorInvolved || (to !== undefined && BUREAU_STATUSES.has(to));
  await ComplaintFactModel.updateOne({ _id: fact._id }, { $set: { ...statusFields(c, knew), ...shownFields(c) } });
}

/**
 * After the redirect of event `seq` to `route`: the fact moves to the new merchant, store and county,
 * and its product's top-list counts from the old county to the new. The counts first, their delta
 * named by the complaint and the event, so a run cut short before the fact's move repeats the same
 * delta (adding nothing), and one after it finds the fact moved and adds none. Returns the merchants
 * whose credit inputs changed: the one it left (from the complaint too, as a repeat finds the fact
 * moved) and the one it went to.
 */
async function redirectComplaint(complaintId: string, seq: number, route: ComplaintRoute, reads = complaintReads(complaintId)) {
  const [c, fact] = await Promise.all([reads.complaint(), reads.fact()]);
  if (!fact) return { merchants: [], fact };
  const at = routeFields(route);
  if (fact.productId && fact.countyCode !== at.countyCode) {
    const moved = addCounts(addCounts(new Map(), productCounts(fact), -1), productCounts({ ...fact, ...at }));
    await addDeltas(
      [...moved].flatMap(([scope, counts]) => {
        // A scope region both counties share (the province) loses and gains the same key.
        const d = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
        return Object.keys(d).length ? [{ _id: `${scope}|${complaintId}|${seq}`, scope, d }] : [];
      }),
    );
  }
  // A fact joining another merchant's takes that merchant's next number (it is listed with the newest).
  const joins = String(fact.merchantId) !== String(at.merchantId);
  await ComplaintFactModel.updateOne({ _id: fact._id }, { $set: { ...at, ...(joins ? await nextFactNumber(at.merchantId) : {}) } });
  const left = (c?.redirectedFrom as { merchantId?: unknown } | undefined)?.merchantId;
  return { merchants: [...new Set([String(fact.merchantId), ...(left ? [String(left)] : []), String(at.merchantId)])], fact };
}

/**
 * A redirected complaint counts for its new merchant's credit, no longer its first's (both recomputed),
 * and as the new merchant's in its product's flag evidence. Each step repeatable.
 */
export async function followRedirect(complaintId: string, seq: number, route: ComplaintRoute, reads = complaintReads(complaintId)) {
  const { merchants, fact } = await redirectComplaint(complaintId, seq, route, reads);
  await Promise.all([...merchants.map((m) => refreshMerchantCredit(m)), fact?.productId && checkProduct(String(fact.productId))]);
}
