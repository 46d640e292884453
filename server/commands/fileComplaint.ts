// Filing: the consumer's complaint is routed to the store's merchant and the bureau of the county
// with jurisdiction, numbered, stored as its first event plus the projection, and announced.
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { isKeyCategory } from '../../shared/enums.js';
import { isoWeek, shanghaiDay } from '../../shared/calendar.js';
import { cityOf } from '../../shared/regions.js';
import type { CreateComplaintInput } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { announceFiled } from '../complaints/effects.js';
import { takeComplaintNumber } from '../complaints/number.js';
import { applyEvent, type ComplaintState } from '../complaints/projection.js';
import { storeEntries } from '../complaints/storeEntries.js';
import { conflict, isDuplicateKey, unprocessable } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { IdempotencyKeyModel } from '../models/IdempotencyKey.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';

export interface FileComplaintInput {
  consumerId: string;
  data: CreateComplaintInput;
  idempotencyKey?: string;
  links?: { returnRequestId?: string };
}

const SAFETY_PROBLEM = 'safety';

/**
 * Who receives a complaint about a purchase at this store, and which bureau has jurisdiction. A closed
 * store takes no new complaints; a breach of a return recorded before it closed still opens one.
 */
export async function routeStore(storeId: string, channel: 'in_store' | 'online', opts: { closedToo?: boolean } = {}) {
  const store = await StoreModel.findById(storeId).lean();
  if (!store) throw unprocessable('unknown_store', 'No such store');
  if (store.status === 'closed' && !opts.closedToo) throw unprocessable('store_closed', `${store.name} is closed and takes no new complaints`);
  const merchant = await OrganizationModel.findById(store.merchantId).lean();
  if (!merchant) throw unprocessable('unknown_store', 'The store has no merchant');
  // Jurisdiction (DESIGN.md): the store's county; online purchases go to the merchant's registered county.
  const registered = /^33\d{4}$/.test(merchant.regionCode) ? merchant.regionCode : store.countyCode;
  const countyCode = channel === 'online' ? registered : store.countyCode;
  return {
    merchantId: merchant._id,
    merchantName: merchant.name,
    storeId: store._id,
    storeName: store.name,
    storeCountyCode: store.countyCode,
    countyCode,
    cityCode: cityOf(countyCode),
    regulatorRegion: countyCode,
  };
}

/** The initial document of a complaint (routing decided here), before its first event is stored. */
export async function routeComplaint(input: FileComplaintInput, id: mongoose.Types.ObjectId, number: string, at: Date) {
  const { data } = input;
  const route = await routeStore(data.storeId, data.purchase.channel, { closedToo: !!input.links?.returnRequestId });
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
    priority: urgent ? 'urgent' : 'normal',
    ...(input.links?.returnRequestId ? { links: { returnRequestId: input.links.returnRequestId } } : {}),
    day: shanghaiDay(at),
    week: isoWeek(at),
  };
}

function fingerprint(input: FileComplaintInput): string {
  return crypto.createHash('sha256').update(JSON.stringify({ d: input.data, l: input.links ?? null })).digest('hex');
}

/** The complaint a first request with this key made; waits briefly while that request is still writing. */
async function replay(consumerId: string, key: string, fp: string): Promise<ComplaintRecord> {
  const row = await IdempotencyKeyModel.findOne({ userId: consumerId, scope: 'complaint', key }).lean();
  if (!row) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed');
  if (row.fingerprint !== fp) throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different complaint');
  for (let i = 0; i < 50; i++) {
    const c = await ComplaintModel.findById(row.resourceId).lean();
    if (c) return c as ComplaintRecord;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed');
}

export async function fileComplaint(input: FileComplaintInput): Promise<{ complaint: ComplaintRecord; created: boolean }> {
  const at = now();
  const id = new mongoose.Types.ObjectId();
  const fp = fingerprint(input);
  // Resolve the store before claiming the key: a refused filing must leave nothing behind.
  await routeComplaint(input, id, 'pending', at);
  if (input.idempotencyKey) {
    try {
      await IdempotencyKeyModel.create({ userId: input.consumerId, scope: 'complaint', key: input.idempotencyKey, fingerprint: fp, resourceId: id, at });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return { complaint: await replay(input.consumerId, input.idempotencyKey, fp), created: false };
    }
  }
  const number = await takeComplaintNumber(id, at);
  const initial = await routeComplaint(input, id, number, at);
  const event = { complaintId: id, seq: 1, action: 'file', from: null, to: 'awaiting_merchant', actorId: initial.consumerId, party: 'consumer', at, data: { complaint: initial } };
  const state: ComplaintState = applyEvent(null, event);
  await ComplaintEventModel.create(event);
  await ComplaintModel.create(state);
  await storeEntries(null, state as never, at);
  const complaint = (await ComplaintModel.findById(id).lean()) as ComplaintRecord;
  await announceFiled(complaint);
  return { complaint, created: true };
}
