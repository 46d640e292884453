// Filing: the consumer's complaint is routed to the store's merchant and the bureau of the county
// with jurisdiction, numbered, and stored as its first event plus the projection and list entry;
// everything else (live events, notifications, mail, facts, flag and abuse checks) follows after the
// answer, owed by the event (server/complaints/effectRunner.ts). On the request path: the store (and
// for online purchases its merchant), the Idempotency-Key, the event, the projection, the list entry
// and its count deltas; the number comes from a block in memory.
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { isKeyCategory } from '../../shared/enums.js';
import { isoWeek, shanghaiDay } from '../../shared/calendar.js';
import { cityOf } from '../../shared/regions.js';
import type { CreateComplaintInput } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { afterAnswer } from '../complaints/effectRunner.js';
import { takeComplaintNumber } from '../complaints/number.js';
import { applyEvent, type ComplaintState } from '../complaints/projection.js';
import { syncProjection } from '../complaints/repair.js';
import { storeNewEntries } from '../complaints/storeEntries.js';
import { conflict, unprocessable } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel, eventId } from '../models/ComplaintEvent.js';
import { IdempotencyKeyModel } from '../models/IdempotencyKey.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { groupCreate } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';

export interface FileComplaintInput {
  consumerId: string;
  data: CreateComplaintInput;
  idempotencyKey?: string;
  links?: { returnRequestId?: string };
}

const SAFETY_PROBLEM = 'safety';
/**
 * How long a key's first request is presumed alive. A retry after that files the complaint itself
 * with the key's id; if the first request was only slow, the unique event insert lets one through.
 */
export const IDEMPOTENCY_LEASE_MS = 5_000;
const POLL_MS = 150;

export type Route = Awaited<ReturnType<typeof routeStore>>;

/**
 * Who receives a complaint about a purchase at this store, and which bureau has jurisdiction. A closed
 * store takes no new complaints; a breach of a return recorded before it closed still opens one.
 */
export async function routeStore(storeId: string, channel: 'in_store' | 'online', opts: { closedToo?: boolean } = {}) {
  const store = await StoreModel.findById(storeId).lean();
  if (!store) throw unprocessable('unknown_store', 'No such store');
  if (store.status === 'closed' && !opts.closedToo)
    throw unprocessable('store_closed', `${store.name} is closed and takes no new complaints`);
  // Jurisdiction (DESIGN.md): the store's county; online purchases go to the merchant's registered
  // county, the one thing of the merchant's own record an in-store filing does not need.
  let countyCode = store.countyCode;
  if (channel === 'online') {
    const merchant = await OrganizationModel.findById(store.merchantId, { regionCode: 1 }).lean();
    if (!merchant) throw unprocessable('unknown_store', 'The store has no merchant');
    if (/^33\d{4}$/.test(merchant.regionCode)) countyCode = merchant.regionCode;
  }
  return {
    merchantId: store.merchantId,
    merchantName: store.merchantName,
    storeId: store._id,
    storeName: store.name,
    storeCountyCode: store.countyCode,
    countyCode,
    cityCode: cityOf(countyCode),
    regulatorRegion: countyCode,
  };
}

const routeOf = (input: FileComplaintInput) =>
  routeStore(input.data.storeId, input.data.purchase.channel, { closedToo: !!input.links?.returnRequestId });

function complaintDoc(input: FileComplaintInput, id: mongoose.Types.ObjectId, number: string, at: Date, route: Route) {
  const { data } = input;
  const urgent = !!data.safetyIncident || data.problemType === SAFETY_PROBLEM || isKeyCategory(data.product.category);
  return {
    _id: id,
    number,
    consumerId: new mongoose.Types.ObjectId(input.consumerId),
    ...route,
    product: data.product,
    purchase: data.purchase,
    problemType: data.problemType,
    description: data.description,
    demand: data.demand,
    ...(data.safetyIncident ? { safetyIncident: data.safetyIncident } : {}),
    contactAgreement: data.contactAgreement,
    ...(data.publishDescription ? { publishDescription: true } : {}),
    priority: urgent ? 'urgent' : 'normal',
    ...(input.links?.returnRequestId ? { links: { returnRequestId: input.links.returnRequestId } } : {}),
    day: shanghaiDay(at),
    week: isoWeek(at),
  };
}

/**
 * The initial document of a complaint (routing decided here unless the caller has the store's route),
 * before its first event is stored.
 */
export async function routeComplaint(input: FileComplaintInput, id: mongoose.Types.ObjectId, number: string, at: Date, route?: Route) {
  return complaintDoc(input, id, number, at, route ?? (await routeOf(input)));
}

/** What a retry with the same Idempotency-Key must repeat exactly. */
export function fingerprint(input: FileComplaintInput): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ d: input.data, l: input.links ?? null }))
    .digest('hex');
}

/** The first event of a complaint (its effects not yet owed: the caller decides). */
export function fileEvent(initial: Awaited<ReturnType<typeof routeComplaint>>, at: Date) {
  return {
    _id: eventId(initial._id, 1),
    complaintId: initial._id,
    seq: 1,
    action: 'file',
    from: null,
    to: 'awaiting_merchant',
    actorId: initial.consumerId,
    party: 'consumer',
    at,
    data: { complaint: initial },
  };
}

/** Stores the filing under a given id. The event insert decides: whoever stored it second answers with it. */
async function store(
  input: FileComplaintInput,
  id: mongoose.Types.ObjectId,
  at: Date,
  route: Route,
): Promise<{ complaint: ComplaintRecord; created: boolean }> {
  const initial = complaintDoc(input, id, await takeComplaintNumber(at), at, route);
  const event = { ...fileEvent(initial, at), effects: 'pending' as const };
  if (!(await firstWriter(groupCreate(ComplaintEventModel, [event])))) return { complaint: (await syncProjection(id))!, created: false };
  const state: ComplaintState = applyEvent(null, event);
  const [stored] = await Promise.all([insertProjection(state), storeNewEntries(state as never, at)]);
  afterAnswer(event, state, stored);
  return { complaint: state as unknown as ComplaintRecord, created: true };
}

/**
 * The projection of a new complaint, as stored; null when it was there already (a retry's repair
 * wrote the same fold first).
 */
async function insertProjection(state: ComplaintState): Promise<ComplaintRecord | null> {
  const insert = groupCreate(ComplaintModel, [state]);
  return (await firstWriter(insert)) ? ((await insert)[0] as unknown as ComplaintRecord) : null;
}

/**
 * A request whose key was claimed before: the complaint that key stands for, once it exists. While the
 * first request may still be writing, wait for it; once its lease is over (it died between claiming
 * the key and storing the event), file the complaint now with the id the key reserved.
 */
async function resume(input: FileComplaintInput, key: string, fp: string): Promise<{ complaint: ComplaintRecord; created: boolean }> {
  const row = await IdempotencyKeyModel.findOne({ userId: input.consumerId, scope: 'complaint', key }).lean();
  if (!row) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed');
  if (row.fingerprint !== fp) throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different complaint');
  const id = row.resourceId;
  // The lease is measured on the application clock (tests move it) and waited out on the wall clock.
  const leaseEnds = Date.now() + Math.max(0, new Date(row.at).getTime() + IDEMPOTENCY_LEASE_MS - now().getTime());
  for (;;) {
    const stored = await ComplaintModel.findById(id).lean();
    if (stored) return { complaint: stored as ComplaintRecord, created: false };
    if (await ComplaintEventModel.exists({ _id: eventId(id, 1) })) return { complaint: (await syncProjection(id))!, created: false };
    if (Date.now() >= leaseEnds) return store(input, id, new Date(row.at), await routeOf(input));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export async function fileComplaint(input: FileComplaintInput): Promise<{ complaint: ComplaintRecord; created: boolean }> {
  const at = now();
  // Route before claiming the key: a refused filing must leave nothing behind.
  const route = await routeOf(input);
  const id = new mongoose.Types.ObjectId();
  if (input.idempotencyKey) {
    const fp = fingerprint(input);
    const claim = { userId: input.consumerId, scope: 'complaint', key: input.idempotencyKey, fingerprint: fp, resourceId: id, at };
    if (!(await firstWriter(groupCreate(IdempotencyKeyModel, [claim])))) return resume(input, input.idempotencyKey, fp);
  }
  return store(input, id, at, route);
}
