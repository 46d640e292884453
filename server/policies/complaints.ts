// Who may do what with complaints. Action rules gate the endpoints; `complaintParty` decides which
// side of one complaint an actor is on, which is what the lifecycle table (shared/complaintMachine) needs.
import type { Party } from '../../shared/complaintMachine.js';
import { canSee, governs, merchantSide, role, signedIn, type Actor, type Scoped, type Rule } from './rules.js';

export const complaintRules = {
  'complaint:create': role('consumer'),
  'complaint:list': role('consumer', 'merchant', 'regulator', 'admin'),
  'complaint:read': role('consumer', 'merchant', 'regulator', 'admin'),
  'complaint:transition': role('consumer', 'merchant', 'regulator'),
  'complaint:message': role('consumer', 'merchant', 'regulator'),
  'complaint:attach': role('consumer', 'merchant', 'regulator'),
  'complaint:export': role('regulator', 'admin'),
  'complaint:watch': role('consumer', 'merchant', 'regulator', 'admin'),
  'attachment:read': role('consumer', 'merchant', 'regulator', 'admin'),
  'notification:list': signedIn,
  'notification:read': signedIn,
  'outbox:list': role('admin'),
} satisfies Record<string, Rule>;

interface ComplaintLike {
  consumerId: unknown;
  merchantId: unknown;
  storeId: unknown;
  countyCode: string;
  regulatorRegion: string;
}

/** The visibility fields of a complaint: a transferred one is seen in both regions; store staff see their store's. */
export function complaintScope(c: ComplaintLike): Scoped {
  return {
    consumerId: c.consumerId,
    merchantId: c.merchantId,
    storeIds: [c.storeId],
    regionCodes: [...new Set([c.countyCode, c.regulatorRegion])],
  };
}

export function canSeeComplaint(a: Actor | null, c: ComplaintLike): boolean {
  return canSee(a, complaintScope(c));
}

/** Which side of this complaint the actor is on; a regulator acts only where it governs the handling region. */
export function complaintParty(a: Actor | null, c: ComplaintLike): Party | null {
  if (!a || a.status !== 'active') return null;
  if (a.role === 'consumer' && String(c.consumerId) === a.id) return 'consumer';
  if (a.role === 'merchant' && merchantSide(a, c.merchantId, [c.storeId])) return 'merchant';
  if (a.role === 'regulator' && governs(a, c.regulatorRegion)) return 'regulator';
  return null;
}

/** Consumer name and phone: the consumer, the handling bureaus, admins; the merchant only with consent. */
export function seesConsumerIdentity(a: Actor | null, c: ComplaintLike & { contactAgreement: boolean }): boolean {
  if (!a) return false;
  if (a.role === 'merchant') return c.contactAgreement && merchantSide(a, c.merchantId, [c.storeId]);
  return canSeeComplaint(a, c);
}

/** Mongo filter for the complaints an actor may see (the list counterpart of canSee). */
export function visibleFilter(a: Actor): Record<string, unknown> {
  switch (a.role) {
    case 'admin':
      return {};
    case 'consumer':
      return { consumerId: a.id };
    case 'merchant':
      // Store staff: their store's complaints only (equality on two top-level fields).
      return a.storeId ? { merchantId: a.orgId, storeId: a.storeId } : { merchantId: a.orgId ?? '000000000000000000000000' };
    case 'regulator': {
      const re = new RegExp('^' + (a.regionCode ?? 'none').replace(/\D/g, ''));
      return { $or: [{ countyCode: re }, { regulatorRegion: re }] };
    }
  }
}
