// Who may do what with complaints. Action rules gate the endpoints; `complaintParty` decides which
// side of one complaint an actor is on, which is what the lifecycle table (shared/complaintMachine) needs.
import type { Party } from '../../shared/complaintMachine.js';
import { regionFor } from './jurisdiction.js';
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
  /** The printable record (PDF) and the evidence ZIP of a complaint the actor may see. */
  'complaint:record': role('consumer', 'merchant', 'regulator', 'admin'),
  'notification:list': signedIn,
  'notification:read': signedIn,
  'outbox:list': role('admin'),
  // A bureau's own work (issue #10): its officers, who handles what, its internal notes.
  'officer:list': role('regulator'),
  'complaint:assign': role('regulator'),
  'complaint:note-read': role('regulator'),
  'complaint:note-write': role('regulator'),
  'view:list': role('regulator'),
  'view:save': role('regulator'),
  'view:delete': role('regulator'),
  'bulk:create': role('regulator'),
  'bulk:read': role('regulator'),
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

/**
 * A bureau's internal side of a complaint (its assignments and officers' notes): the officers of every
 * bureau that sees the complaint, never its consumer or merchant (nor an admin, who takes no part).
 */
export function seesInternal(a: Actor | null, c: ComplaintLike): boolean {
  return !!a && a.role === 'regulator' && canSeeComplaint(a, c);
}

/** An account an officer may assign a complaint to: an active officer of the officer's own bureau. */
export function isFellowOfficer(a: Actor, u: { role: string; status: string; orgId?: unknown }): boolean {
  return a.role === 'regulator' && !!a.orgId && u.role === 'regulator' && u.status === 'active' && String(u.orgId) === a.orgId;
}

/** A saved queue view is its owner's, and the owner's bureau's when shared; only its owner deletes it. */
export function seesView(a: Actor, v: { ownerId: unknown; orgId?: unknown; shared: boolean }): boolean {
  return String(v.ownerId) === a.id || (v.shared && !!a.orgId && String(v.orgId) === a.orgId);
}

/** A bulk job is its officer's alone. */
export function ownsBulkJob(a: Actor, job: { ownerId: unknown }): boolean {
  return String(job.ownerId) === a.id;
}

/** Consumer name and phone: the consumer, the handling bureaus, admins; the merchant only with consent. */
export function seesConsumerIdentity(a: Actor | null, c: ComplaintLike & { contactAgreement: boolean }): boolean {
  if (!a) return false;
  if (a.role === 'merchant') return c.contactAgreement && merchantSide(a, c.merchantId, [c.storeId]);
  return canSeeComplaint(a, c);
}

/**
 * A complaint list's county filter, by the one rule of region filters (./jurisdiction.ts): a bureau or
 * an admin naming a region outside its jurisdiction is refused (403), not answered with an empty list.
 * A merchant's or consumer's filter only narrows its own complaints, wherever they are.
 */
export function checkComplaintRegionFilter(a: Actor, countyCode: string | undefined): void {
  if (countyCode && (a.role === 'regulator' || a.role === 'admin')) regionFor(a, countyCode);
}
