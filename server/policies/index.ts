// Who may do what, in one table. Every route and socket event names one of these actions;
// `authorize` turns a refusal into 401 (signed out) or 403 (signed in, not allowed).
import type { Role } from '../../shared/enums.js';
import { regionContains } from '../../shared/regions.js';
import { AppError, forbidden, notFound, unauthorized } from '../http/errors.js';
import type { Actor } from './actor.js';

export type { Actor } from './actor.js';

type Rule = (actor: Actor | null, resource?: unknown) => boolean;

const anyone: Rule = () => true;
const signedIn: Rule = (a) => !!a;
/** Signed in with one of these roles, and (for merchants) approved. */
const role =
  (...roles: Role[]): Rule =>
  (a) =>
    !!a && roles.includes(a.role) && a.status === 'active';

/** Merchant headquarters: an approved merchant account not tied to one store. */
const hqMerchant: Rule = (a) => role('merchant')(a) && !a!.storeId;

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
  return [{ role: 'merchant', orgId: merchantId, storeId: null }, ...stores.map((storeId) => ({ role: 'merchant', orgId: merchantId, storeId }))];
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

const rules = {
  'health:read': anyone,
  'docs:read': anyone,
  'auth:register': anyone,
  'auth:login': anyone,
  'auth:logout': signedIn,
  'auth:me': signedIn,
  'auth:update-me': signedIn,
  'region:list': anyone,
  'merchant:list': anyone,
  'merchant:read': anyone,
  'store:list': anyone,
  'store:create': hqMerchant,
  'approval:list': role('regulator', 'admin'),
  'approval:decide': role('regulator', 'admin'),
  'socket:connect': signedIn,
} satisfies Record<string, Rule>;

const extraRules: Record<string, Rule> = {};

/** Later capabilities add their actions here, each with its rule, at module load. */
export function definePolicies(more: Record<string, Rule>): void {
  for (const [action, rule] of Object.entries(more)) {
    if (action in rules || action in extraRules) throw new Error(`policy ${action} defined twice`);
    extraRules[action] = rule;
  }
}

export { anyone, signedIn, role, hqMerchant };
export type PolicyAction = keyof typeof rules | (string & {});

export function allowed(actor: Actor | null, action: PolicyAction, resource?: unknown): boolean {
  const rule = (rules as Record<string, Rule>)[action] ?? extraRules[action];
  if (!rule) throw new Error(`no policy for ${action}`);
  return rule(actor, resource);
}

/** Throws 401/403 unless the actor may take the action. */
export function authorize(actor: Actor | null, action: PolicyAction, resource?: unknown): void {
  if (allowed(actor, action, resource)) return;
  if (!actor) throw unauthorized();
  if (actor.status === 'pending') throw new AppError(403, 'account_pending', 'Your account is waiting for approval');
  throw forbidden();
}

/**
 * The actor's own merchant organization, if it is approved: stores and commitments are public, so
 * only an approved merchant creates them (whatever its staff account's status says).
 */
export function approvedMerchant<T extends { _id: unknown; kind?: string | null; status?: string | null }>(actor: Actor, org: T | null | undefined): T {
  if (!org || org.kind !== 'merchant' || String(org._id) !== actor.orgId) throw notFound('Merchant');
  if (org.status !== 'active' || actor.status !== 'active') throw new AppError(403, 'merchant_not_approved', 'Your merchant account is not approved');
  return org;
}

/** Throws 404 for a record outside the actor's visibility: its existence is not disclosed. */
export function authorizeVisible<T extends Scoped>(actor: Actor | null, record: T | null | undefined, what = 'Record'): T {
  if (!actor) throw unauthorized();
  if (!record || !canSee(actor, record)) throw notFound(what);
  return record;
}
