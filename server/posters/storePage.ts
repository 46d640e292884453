// A store's public page: read by _id (the store, its merchant's stored credit) and by the indexed
// storeIds of the commitments, plus the store figures the 门店 page shows (rollups, not scans).
import mongoose from 'mongoose';
import type { PublicStore } from '../../shared/schemas/posters.js';
import { notFound } from '../http/errors.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { StoreModel, type StoreRecord } from '../models/Store.js';
import { presentStore } from '../presenters/store.js';
import { storeFigures } from '../stores/figures.js';
import { storePageUrl } from './poster.js';

export async function loadStore(id: string): Promise<StoreRecord> {
  const s = mongoose.isValidObjectId(id) ? ((await StoreModel.findById(id).lean()) as StoreRecord | null) : null;
  if (!s) throw notFound('Store');
  return s;
}

export async function publicStore(s: StoreRecord): Promise<PublicStore> {
  const id = String(s._id);
  const [credit, commitments, figures] = await Promise.all([
    MerchantCreditModel.findById(s.merchantId, { tier: 1 }).lean(),
    // The registry's storeIds index; a store closed or a commitment suspended shows no badge.
    ReturnCommitmentModel.find({ storeIds: s._id }).lean(),
    storeFigures(String(s.merchantId)),
  ]);
  const active = s.status === 'closed' ? [] : commitments.filter((c) => c.status === 'active');
  return {
    ...presentStore(s),
    creditTier: (credit?.tier as PublicStore['creditTier']) ?? null,
    commitmentBadge: active.length > 0,
    commitments: active.map((c) => ({
      id: String(c._id),
      scope: c.scope as PublicStore['commitments'][number]['scope'],
      windowDays: c.windowDays,
      categories: c.categories as PublicStore['commitments'][number]['categories'],
      excludedCategories: c.excludedCategories as PublicStore['commitments'][number]['excludedCategories'],
      conditions: c.conditions,
      refundWithinHours: c.refundWithinHours,
    })),
    figures: figures(id),
    url: storePageUrl(id),
  };
}
