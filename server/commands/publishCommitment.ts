// A merchant publishes a no-reason return commitment; it enters the public registry at once.
import mongoose from 'mongoose';
import type { CreateCommitmentInput } from '../../shared/schemas/returns.js';
import { now } from '../clock.js';
import { unprocessable } from '../http/errors.js';
import { CommitmentEventModel } from '../models/CommitmentEvent.js';
import { OrganizationModel } from '../models/Organization.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { StoreModel } from '../models/Store.js';
import { approvedMerchant, type Actor } from '../policies/index.js';

export async function publishCommitment(actor: Actor, input: CreateCommitmentInput) {
  const merchant = approvedMerchant(actor, await OrganizationModel.findById(actor.orgId).lean());
  const own = await StoreModel.find({ merchantId: merchant._id, status: 'open' }).lean();
  const wanted = input.storeIds ? [...new Set(input.storeIds)] : own.map((s) => String(s._id));
  const stores = own.filter((s) => wanted.includes(String(s._id)));
  // Naming a store of another merchant (or none at all) is a business error, not a silent drop.
  if (stores.length !== wanted.length || stores.length === 0) {
    throw unprocessable('store_not_owned', 'Every store of a commitment must be one of your stores', {
      storeIds: wanted.filter((id) => !stores.some((s) => String(s._id) === id)),
    });
  }
  const overlap = (input.categories ?? []).filter((c) => (input.excludedCategories ?? []).includes(c));
  if (overlap.length) throw unprocessable('category_conflict', 'A category cannot be both covered and excluded', { categories: overlap });

  const at = now();
  const id = new mongoose.Types.ObjectId();
  // The event goes in first: a commitment document never exists without its history.
  await CommitmentEventModel.create({
    commitmentId: id,
    seq: 1,
    action: 'publish',
    to: 'active',
    actorId: actor.id,
    actorRole: actor.role,
    at,
  });
  const doc = await ReturnCommitmentModel.create({
    _id: id,
    merchantId: merchant._id,
    merchantName: merchant.name,
    merchantCountyCode: merchant.regionCode,
    scope: input.scope,
    storeIds: stores.map((s) => s._id),
    countyCodes: [...new Set(stores.map((s) => s.countyCode))],
    cityCodes: [...new Set(stores.map((s) => s.cityCode))],
    windowDays: input.windowDays,
    categories: input.categories ?? [],
    excludedCategories: input.excludedCategories ?? [],
    conditions: input.conditions,
    refundWithinHours: input.refundWithinHours,
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
  return doc.toObject();
}
