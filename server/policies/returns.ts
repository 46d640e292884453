// Who may do what with return commitments, return requests and their figures. Record-level checks
// (own merchant, governed region) take the record as the resource.
import { forbidden } from '../http/errors.js';
import { regionFor } from './jurisdiction.js';
import { governs, hqMerchant, role, anyone, type Actor, type Scoped, type Rule } from './rules.js';

interface CommitmentLike {
  merchantId: unknown;
  merchantCountyCode: string;
  countyCodes: string[];
}

const active = (a: Actor | null) => !!a && a.status === 'active';

/**
 * The bureau with jurisdiction over a commitment: the one of the merchant's registered county (or a
 * region containing it), or one whose region holds every store the commitment covers.
 */
export function regulatesCommitment(a: Actor | null, c: CommitmentLike): boolean {
  if (!active(a) || a!.role !== 'regulator') return false;
  return governs(a, c.merchantCountyCode) || (c.countyCodes.length > 0 && c.countyCodes.every((code) => governs(a, code)));
}

const ownsCommitment = (a: Actor | null, c: CommitmentLike) => hqMerchant(a) && String(c.merchantId) === a!.orgId;

/** The visibility fields of a return request: store staff see those bought or returned at their store. */
export function returnScope(r: {
  consumerId?: unknown;
  merchantId: unknown;
  purchaseStoreId: unknown;
  returnStoreId: unknown;
  regionCodes: string[];
}): Scoped {
  return {
    consumerId: r.consumerId ?? undefined,
    merchantId: r.merchantId,
    storeIds: [r.purchaseStoreId, r.returnStoreId],
    regionCodes: r.regionCodes,
  };
}
/**
 * The list filter (top-level equalities) of the return requests an actor sees: a consumer its own, a
 * merchant its organization's (store staff those returned at their desk; one bought at their store and
 * returned elsewhere is still theirs to open by id), a regulator its region's, an admin all. Naming
 * another merchant is 403 for a merchant and a filter for the others.
 */
export function visibleReturns(a: Actor, askedMerchantId?: string): Record<string, unknown> {
  if (a.role === 'consumer') return { consumerId: a.id };
  if (a.role === 'merchant') {
    if (askedMerchantId && askedMerchantId !== a.orgId) throw forbidden('Merchants see their own returns only');
    return { merchantId: a.orgId, ...(a.storeId ? { returnStoreId: a.storeId } : {}) };
  }
  return { ...(a.role === 'regulator' ? { regionKeys: a.regionCode } : {}), ...(askedMerchantId ? { merchantId: askedMerchantId } : {}) };
}

/**
 * Whose return figures an actor reads: a merchant its own (store staff their store's), anything else
 * asked is 403; a regulator or admin any merchant or store, in a region of its jurisdiction (403 outside).
 */
export function returnFigureScope(a: Actor, q: { merchantId?: string; storeId?: string; region?: string }) {
  if (a.role === 'merchant') {
    if (q.merchantId && q.merchantId !== a.orgId) throw forbidden('Merchants see their own figures only');
    if (a.storeId && q.storeId && q.storeId !== a.storeId) throw forbidden('Store staff see their own store’s figures only');
    return { merchantId: a.orgId, storeId: a.storeId ?? q.storeId, region: q.region };
  }
  return { merchantId: q.merchantId, storeId: q.storeId, region: regionFor(a, q.region) };
}

const regulatorOrAdmin = (a: Actor | null, c?: unknown) =>
  (!!a && active(a) && a.role === 'admin') || (!!c && regulatesCommitment(a, c as CommitmentLike));

export const returnRules = {
  'return-commitment:list': anyone,
  'return-commitment:read': anyone,
  'store:badge': anyone,
  'return-commitment:create': hqMerchant,
  // The route gate: any of these roles may try; the record-level rules below decide.
  'return-commitment:transition': role('merchant', 'regulator', 'admin'),
  'return-commitment:suspend': regulatorOrAdmin,
  'return-commitment:reinstate': regulatorOrAdmin,
  'return-commitment:withdraw': (a, c) => !!c && ownsCommitment(a, c as CommitmentLike),
  'return-request:create': role('consumer', 'merchant'),
  'return-request:list': role('consumer', 'merchant', 'regulator', 'admin'),
  'return-request:read': role('consumer', 'merchant', 'regulator', 'admin'),
  'return-request:outcome': role('merchant'),
  'return-request:dispute': role('consumer'),
  'return-request:claim': role('consumer'),
  'analytics:returns': role('merchant', 'regulator', 'admin'),
  'compliance:returns': role('regulator', 'admin'),
  'compliance:settings': role('regulator'),
} satisfies Record<string, Rule>;
