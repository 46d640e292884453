// Headquarters adds, edits and closes its stores. A closed store keeps its complaints, returns and
// commitments as history; it leaves the public lists and takes nothing new (fileComplaint, returns).
import type { z } from 'zod';
import type { createStoreSchema, updateStoreSchema } from '../../shared/schemas/directory.js';
import { cityOf } from '../../shared/regions.js';
import { now } from '../clock.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { OrganizationModel } from '../models/Organization.js';
import { RegionModel } from '../models/Region.js';
import { StoreModel, type StoreRecord } from '../models/Store.js';
import { approvedMerchant, type Actor } from '../policies/index.js';
import { seesOwnStore } from '../policies/stores.js';

async function knownCounty(code: string): Promise<void> {
  if (!(await RegionModel.exists({ code, level: 'county' }))) throw unprocessable('unknown_county', `${code} is not a county of Zhejiang`);
}

/** The actor's store, or 404 when it is another merchant's (or another store's, for staff). */
export async function ownStore(actor: Actor, id: string): Promise<StoreRecord> {
  const s = (await StoreModel.findById(id).lean()) as StoreRecord | null;
  if (!s || !seesOwnStore(actor, s)) throw notFound('Store');
  return s;
}

export async function createStore(actor: Actor, input: z.infer<typeof createStoreSchema>): Promise<StoreRecord> {
  const org = approvedMerchant(actor, await OrganizationModel.findById(actor.orgId).lean());
  await knownCounty(input.countyCode);
  const store = await StoreModel.create({
    ...input,
    merchantId: org._id,
    merchantName: org.name,
    cityCode: cityOf(input.countyCode),
    status: 'open',
    listed: true,
  });
  return store.toObject() as StoreRecord;
}

export async function updateStore(actor: Actor, id: string, input: z.infer<typeof updateStoreSchema>): Promise<StoreRecord> {
  const s = await ownStore(actor, id);
  if (s.status === 'closed') throw conflict('store_closed', 'A closed store cannot be changed');
  if (input.countyCode) await knownCounty(input.countyCode);
  await StoreModel.updateOne({ _id: s._id }, { $set: { ...input, ...(input.countyCode ? { cityCode: cityOf(input.countyCode) } : {}) } });
  return (await StoreModel.findById(s._id).lean()) as StoreRecord;
}

export async function closeStore(actor: Actor, id: string): Promise<StoreRecord> {
  const s = await ownStore(actor, id);
  if (s.status === 'closed') throw conflict('store_closed', 'This store is already closed');
  await StoreModel.updateOne({ _id: s._id, status: 'open' }, { $set: { status: 'closed', closedAt: now() } });
  return (await StoreModel.findById(s._id).lean()) as StoreRecord;
}
