// Who manages which accounts. Admins: every account. A bureau: the officers of its own bureau (regulator
// accounts of its organization). Merchant headquarters: its own staff (merchant accounts of its
// organization). Nobody disables or re-invites their own account. Invitations are opened by their link.
import { anyone, hqMerchant, role, type Actor, type Rule } from './rules.js';

const manager = (a: Actor | null) => role('admin', 'regulator')(a) || hqMerchant(a);

export const accountRules = {
  'user:list': manager,
  'user:invite': manager,
  'user:disable': manager,
  'user:enable': manager,
  'user:resend-invitation': manager,
  'audit:list': manager,
  'invitation:read': anyone,
  'invitation:accept': anyone,
} satisfies Record<string, Rule>;

interface AccountLike {
  _id: unknown;
  role: string;
  orgId?: unknown;
}

/** The list filter of the accounts an actor manages (equality only); only an admin filters by role. */
export function managedAccounts(a: Actor, askedRole?: string): Record<string, unknown> {
  if (a.role === 'admin') return askedRole ? { role: askedRole } : {};
  return { role: a.role, orgId: a.orgId ?? '000000000000000000000000' };
}

/** The list filter of the audit entries an actor reads: an admin all, a manager its organization's. */
export function managedAudit(a: Actor): Record<string, unknown> {
  return a.role === 'admin' ? {} : { orgId: a.orgId };
}

/** Whom an actor invites: an admin any role, a bureau officers, merchant headquarters its staff. */
export const invitesRole = (a: Actor, role: string | undefined) => a.role === 'admin' || !role || role === a.role;

/** The actor sees this account on its page (its own included). */
export function seesAccount(a: Actor, u: AccountLike): boolean {
  if (a.role === 'admin') return true;
  return (a.role === 'regulator' || a.role === 'merchant') && u.role === a.role && !!a.orgId && String(u.orgId) === a.orgId;
}

/** The actor may change this account: one it sees, never its own. */
export function managesAccount(a: Actor, u: AccountLike): boolean {
  return seesAccount(a, u) && String(u._id) !== a.id;
}
