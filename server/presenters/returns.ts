// What of commitments and return requests leaves the server. A request never shows who its consumer
// is, nor whether one has claimed it: personal data stays with the consumer and the handling bureau.
// The merchant's staff see the receipt code they hand to the customer.
import type { Actor } from '../policies/index.js';
import type { ReturnCommitmentRecord } from '../models/ReturnCommitment.js';
import type { CommitmentEventRecord } from '../models/CommitmentEvent.js';
import type { ReturnRequestRecord } from '../models/ReturnRequest.js';
import type { StoreRecord } from '../models/Store.js';
import { LEGAL_EXCLUSIONS, type Commitment, type Coverage, type ReturnRequest } from '../../shared/schemas/returns.js';

export const BADGE_LABEL = { zh: '放心消费承诺', en: 'Fangxin consumption commitment' };

export function presentCommitment(
  c: ReturnCommitmentRecord,
  stores: Map<string, StoreRecord>,
  extra: { honorRate?: number | null; history?: CommitmentEventRecord[] } = {},
): Commitment {
  const ids = c.storeIds.map(String);
  return {
    id: String(c._id),
    merchantId: String(c.merchantId),
    merchantName: c.merchantName,
    scope: c.scope as Commitment['scope'],
    status: c.status as Commitment['status'],
    version: c.version,
    windowDays: c.windowDays,
    categories: c.categories as Commitment['categories'],
    excludedCategories: c.excludedCategories as Commitment['excludedCategories'],
    legalExclusions: [...LEGAL_EXCLUSIONS],
    conditions: c.conditions,
    refundWithinHours: c.refundWithinHours,
    stores: ids.flatMap((id) => {
      const s = stores.get(id);
      // Under a chain scope every listed store takes back goods bought at the others.
      return s
        ? [
            {
              id,
              name: s.name,
              countyCode: s.countyCode,
              cityCode: s.cityCode,
              address: s.address,
              acceptsOtherStores: c.scope !== 'store' && ids.length > 1,
            },
          ]
        : [];
    }),
    honorRate: extra.honorRate ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(extra.history
      ? {
          history: extra.history.map((e) => ({
            seq: e.seq,
            action: e.action,
            from: e.from ?? null,
            to: e.to,
            reason: e.reason ?? null,
            actorRole: e.actorRole ?? null,
            at: e.at.toISOString(),
          })),
        }
      : {}),
  };
}

const iso = (d?: Date | null) => (d ? d.toISOString() : null);

export function presentReturn(r: ReturnRequestRecord, actor: Actor | null): ReturnRequest {
  return {
    id: String(r._id),
    merchantId: String(r.merchantId),
    merchantName: r.merchantName,
    purchaseStore: { id: String(r.purchaseStoreId), name: r.purchaseStoreName, countyCode: r.countyCode, cityCode: r.purchaseCityCode },
    returnStore: { id: String(r.returnStoreId), name: r.returnStoreName, countyCode: r.returnCountyCode, cityCode: r.returnCityCode },
    purchaseDate: r.purchaseDate,
    amountFen: r.amountFen,
    product: {
      name: r.product.name,
      category: r.product.category as ReturnRequest['product']['category'],
      ...(r.product.gtin ? { gtin: r.product.gtin } : {}),
    },
    reason: r.reason ?? null,
    covered: r.covered,
    coverage: r.coverage as Coverage,
    status: r.status as ReturnRequest['status'],
    dueAt: iso(r.dueAt),
    refundedAt: iso(r.refundedAt),
    refundFen: r.refundFen ?? null,
    refundHours: r.refundHours ?? null,
    refusalReason: r.refusalReason ?? null,
    dispute: r.dispute?.reason ? { reason: r.dispute.reason, at: iso(r.dispute.at) } : null,
    breach: r.breach,
    breachKind: (r.breachKind as ReturnRequest['breachKind']) ?? null,
    breachAt: iso(r.breachAt),
    complaintId: r.complaintId ? String(r.complaintId) : null,
    crossStore: r.crossStore,
    crossCity: r.crossCity,
    mine: !!actor && !!r.consumerId && String(r.consumerId) === actor.id,
    ...(r.claimCode && actor?.role === 'merchant' && actor.orgId === String(r.merchantId) ? { claimCode: r.claimCode } : {}),
    createdAt: r.createdAt.toISOString(),
  };
}
