// The building blocks of the policy tables: who an actor is to a record (its side, its region) and
// rule combinators. The tables themselves are in the capability files; index.ts joins them.
import type { Role } from '../../shared/enums.js';
import { regionContains } from '../../shared/regions.js';
import type { Actor } from './actor.js';

export type { Actor } from './actor.js';

export type Rule = (actor: Actor | null, resource?: unknown) => boolean;

export const anyone: Rule = () => true;
export const signedIn: Rule = (a) => !!a;
/** Signed in with one of these roles, and (for merchants) approved. */
export const role =
  (...roles: Role[]): Rule =>
  (a) =>
    !!a && roles.includes(a.role) && a.status === 'active';

/** Merchant headquarters: an approved merchant account not tied to one store. */
export const hqMerchant: Rule = (a) => role('merchant')(a) && !a!.storeId;

/** A regional record: the fields that decide who sees it (API.md "Visibility"). */
export interface Scoped {
  consumerId?: unknown;
  merchantId?: unknown;
  /** The stores a record belongs to; store staff see it only when their store is one of them. */
  storeIds?: unknown[];
  countyCode?: string;
  regionCodes?: string[];
}

/** The merchant side of a record: its merchant's headquarters, or staff of one of its stores. */
export function merchantSide(a: Actor | null, merchantId: unknown, storeIds: unknown[] | undefined): boolean {
  if (!a || a.role !== 'merchant' || a.status !== 'active' || merchantId === undefined || String(merchantId) !== a.orgId) return false;
  return !a.storeId || (storeIds ?? []).some((id) => String(id) === a.storeId);
}

/** The accounts on the merchant side of a record (the filter counterpart of merchantSide): headquarters and its stores' staff. */
export function merchantSideAccounts(merchantId: unknown, storeIds: unknown[]): Record<string, unknown>[] {
  const stores = [...new Set(storeIds.filter(Boolean).map(String))];
  return [
    { role: 'merchant', orgId: merchantId, storeId: null },
    ...stores.map((storeId) => ({ role: 'merchant', orgId: merchantId, storeId })),
  ];
}

/** A consumer sees own records, a merchant its organization's, a regulator its region's, an admin all. */
export function canSee(a: Actor | null, r: Scoped): boolean {
  if (!a || a.status !== 'active') return false;
  switch (a.role) {
    case 'admin':
      return true;
    case 'consumer':
      return r.consumerId !== undefined && String(r.consumerId) === a.id;
    case 'merchant':
      return merchantSide(a, r.merchantId, r.storeIds);
    case 'regulator': {
      const codes = r.regionCodes ?? (r.countyCode ? [r.countyCode] : []);
      return !!a.regionCode && codes.some((c) => regionContains(a.regionCode!, c));
    }
  }
}

/** A regulator acting on a region must govern it. */
export function governs(a: Actor | null, regionCode: string): boolean {
  return !!a && a.role === 'regulator' && !!a.regionCode && regionContains(a.regionCode, regionCode);
}
