// Who may do what, in one table joined from each capability's own table. Every route and socket
// event names one of these actions (a typo does not compile); `authorize` turns a refusal into
// 401 (signed out) or 403 (signed in, not allowed), `authorizeVisible` into 404 (not disclosed).
import { AppError, forbidden, notFound, unauthorized } from '../http/errors.js';
import type { Actor } from './actor.js';
import { accountRules } from './accounts.js';
import { complaintRules } from './complaints.js';
import { creditRules } from './credit.js';
import { deadlineRules } from './deadlines.js';
import { disclosureRules } from './disclosure.js';
import { openDataRules } from './openData.js';
import { posterRules } from './posters.js';
import { privacyRules } from './privacy.js';
import { indexRules } from './indices.js';
import { productRules } from './products.js';
import { recallRules } from './recalls.js';
import { returnRules } from './returns.js';
import { safetyRules } from './safety.js';
import { samplingPlanRules } from './samplingPlan.js';
import { anyone, canSee, hqMerchant, role, signedIn, type Rule, type Scoped } from './rules.js';
import { storeRules } from './stores.js';
import { templateRules } from './templates.js';
import { notificationRules } from './notifications.js';
export { jurisdiction, regionFor } from './jurisdiction.js';

export type { Actor } from './actor.js';
export {
  anyone,
  canSee,
  governs,
  hqMerchant,
  merchantSide,
  merchantSideAccounts,
  role,
  signedIn,
  type Rule,
  type Scoped,
} from './rules.js';

const coreRules = {
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

const tables = [
  coreRules,
  complaintRules,
  returnRules,
  productRules,
  storeRules,
  accountRules,
  disclosureRules,
  recallRules,
  openDataRules,
  safetyRules,
  deadlineRules,
  posterRules,
  samplingPlanRules,
  templateRules,
  privacyRules,
  indexRules,
  notificationRules,
  creditRules,
];
const rules = {
  ...coreRules,
  ...complaintRules,
  ...returnRules,
  ...productRules,
  ...storeRules,
  ...accountRules,
  ...disclosureRules,
  ...recallRules,
  ...openDataRules,
  ...safetyRules,
  ...deadlineRules,
  ...posterRules,
  ...samplingPlanRules,
  ...templateRules,
  ...privacyRules,
  ...indexRules,
  ...notificationRules,
  ...creditRules,
};
// A later table would silently replace an earlier rule of the same name.
if (tables.reduce((n, t) => n + Object.keys(t).length, 0) !== Object.keys(rules).length)
  throw new Error('a policy action is declared in two tables');

export type PolicyAction = keyof typeof rules;

export function allowed(actor: Actor | null, action: PolicyAction, resource?: unknown): boolean {
  return (rules[action] as Rule)(actor, resource);
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
export function approvedMerchant<T extends { _id: unknown; kind?: string | null; status?: string | null }>(
  actor: Actor,
  org: T | null | undefined,
): T {
  if (!org || org.kind !== 'merchant' || String(org._id) !== actor.orgId) throw notFound('Merchant');
  if (org.status !== 'active' || actor.status !== 'active')
    throw new AppError(403, 'merchant_not_approved', 'Your merchant account is not approved');
  return org;
}

/** Throws 404 for a record outside the actor's visibility: its existence is not disclosed. */
export function authorizeVisible<T extends Scoped>(actor: Actor | null, record: T | null | undefined, what = 'Record'): T {
  if (!actor) throw unauthorized();
  if (!record || !canSee(actor, record)) throw notFound(what);
  return record;
}
