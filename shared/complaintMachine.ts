// The complaint lifecycle of DESIGN.md as data: which party may take which action from which status,
// and where it leads. The server enforces it; the client reads it to show only the buttons that work.
import { CLOSED_STATUSES, type ComplaintStatus } from './enums.js';

/** The parties of one complaint; `system` is the deadline jobs. */
export type Party = 'consumer' | 'merchant' | 'regulator' | 'system';

export type Action =
  | 'file'
  | 'respond'
  | 'accept_response'
  | 'reject_response'
  | 'accept'
  | 'decline'
  | 'transfer'
  | 'mediation_succeeded'
  | 'mediation_failed'
  | 'withdraw'
  | 'rate'
  | 'redirect'
  | 'escalate'
  | 'auto_accept'
  | 'mediation_expired'
  | 'record_fulfilment'
  | 'confirm_remedy'
  | 'dispute_remedy'
  | 'remedy_reminder'
  | 'remedy_overdue'
  | 'comment_publicly'
  | 'disclose';

/**
 * A promised remedy's own course after the complaint is resolved: `promised` until the merchant records
 * its fulfilment, then `fulfilled` until the consumer confirms or disputes it; `overdue` when the
 * promised date passed without a fulfilment. Disputed and overdue remedies take the complaint to the bureau.
 */
export const REMEDY_STATUSES = ['promised', 'fulfilled', 'confirmed', 'disputed', 'overdue'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];
/**
 * Public disclosure (投诉公示) of a closed complaint: `pending` through the merchant's comment window,
 * `commented` once the merchant added its one public comment, `public` after publication.
 */
export type DisclosureState = 'pending' | 'commented' | 'public';
/** Closed statuses that are published: a withdrawn complaint was taken back, a declined one not examined. */
export const DISCLOSED_STATUSES: readonly ComplaintStatus[] = ['resolved', 'mediated', 'mediation_failed'];

/** What besides its status decides whether a complaint may take an action. */
export interface Guards {
  remedy?: RemedyStatus | null;
  disclosure?: DisclosureState | null;
}

/** The guards of a stored or presented complaint. */
export function guardsOf(c: object): Guards {
  const { remedy, disclosure } = c as { remedy?: unknown; disclosure?: unknown };
  return {
    remedy: (remedy as { status?: RemedyStatus } | null | undefined)?.status ?? null,
    disclosure: (disclosure as { state?: DisclosureState } | null | undefined)?.state ?? null,
  };
}

/** The remedies a merchant fulfils (an explanation is given in the response itself). */
export const FULFILLED_REMEDIES = ['refund', 'exchange', 'repair', 'compensation'] as const;

const OPEN: ComplaintStatus[] = ['awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation'];

interface Rule {
  party: Party;
  from: readonly ComplaintStatus[];
  /** The next status; `same` keeps it (transfer, rate). */
  to: ComplaintStatus | 'same';
  /** Urgent complaints reach the bureau at once: it may accept before the merchant stage ends. */
  urgentFrom?: readonly ComplaintStatus[];
  /** Actions on a promised remedy: only while the remedy is in one of these states. */
  remedy?: readonly RemedyStatus[];
  /** Actions on a coming publication: only while the disclosure is in one of these states. */
  disclosure?: readonly DisclosureState[];
}

export const TRANSITIONS: Record<Exclude<Action, 'file'>, Rule> = {
  respond: { party: 'merchant', from: ['awaiting_merchant'], to: 'merchant_responded' },
  accept_response: { party: 'consumer', from: ['merchant_responded'], to: 'resolved' },
  reject_response: { party: 'consumer', from: ['merchant_responded'], to: 'awaiting_regulator' },
  accept: { party: 'regulator', from: ['awaiting_regulator'], to: 'in_mediation', urgentFrom: ['awaiting_merchant', 'merchant_responded'] },
  decline: { party: 'regulator', from: ['awaiting_regulator'], to: 'declined' },
  transfer: { party: 'regulator', from: ['awaiting_regulator'], to: 'same' },
  mediation_succeeded: { party: 'regulator', from: ['in_mediation'], to: 'mediated' },
  mediation_failed: { party: 'regulator', from: ['in_mediation'], to: 'mediation_failed' },
  withdraw: { party: 'consumer', from: OPEN, to: 'withdrawn' },
  rate: { party: 'consumer', from: CLOSED_STATUSES, to: 'same' },
  // After a `not_concerned` response the consumer names the right store; the complaint starts over there.
  redirect: { party: 'consumer', from: ['merchant_responded'], to: 'awaiting_merchant' },
  escalate: { party: 'system', from: ['awaiting_merchant'], to: 'awaiting_regulator' },
  auto_accept: { party: 'system', from: ['merchant_responded'], to: 'resolved' },
  mediation_expired: { party: 'system', from: ['in_mediation'], to: 'mediation_failed' },
  // A disputed fulfilment may be recorded again (a second transfer, the rest of the amount).
  record_fulfilment: { party: 'merchant', from: ['resolved'], to: 'same', remedy: ['promised'] },
  confirm_remedy: { party: 'consumer', from: ['resolved'], to: 'same', remedy: ['fulfilled'] },
  dispute_remedy: { party: 'consumer', from: ['resolved'], to: 'awaiting_regulator', remedy: ['fulfilled'] },
  remedy_reminder: { party: 'system', from: ['resolved'], to: 'same', remedy: ['fulfilled'] },
  remedy_overdue: { party: 'system', from: ['resolved'], to: 'awaiting_regulator', remedy: ['promised'] },
  // One public comment, in the window before publication.
  comment_publicly: { party: 'merchant', from: DISCLOSED_STATUSES, to: 'same', disclosure: ['pending'] },
  disclose: { party: 'system', from: DISCLOSED_STATUSES, to: 'same', disclosure: ['pending', 'commented'] },
};

/**
 * Events of a complaint that are no lifecycle step: a bureau's internal work (assigning an officer).
 * They keep the status, take any time, and are stored under the same (complaintId, seq) as transitions.
 */
export const INTERNAL_ACTIONS: readonly string[] = ['assign'];

export function isClosed(status: ComplaintStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Whether `action` may be taken from `status` (ignoring who asks). */
export function canTransition(
  action: Exclude<Action, 'file'>,
  status: ComplaintStatus,
  priority: 'normal' | 'urgent' = 'normal',
  guards: Guards = {},
): boolean {
  const rule = TRANSITIONS[action];
  if (rule.remedy && !(guards.remedy && rule.remedy.includes(guards.remedy))) return false;
  if (rule.disclosure && !(guards.disclosure && rule.disclosure.includes(guards.disclosure))) return false;
  return rule.from.includes(status) || (priority === 'urgent' && !!rule.urgentFrom?.includes(status));
}

export function nextStatus(action: Exclude<Action, 'file'>, status: ComplaintStatus): ComplaintStatus {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? status : to;
}

/** The actions a party may take now, for buttons. */
export function actionsFor(
  party: Party | null,
  status: ComplaintStatus,
  priority: 'normal' | 'urgent' = 'normal',
  responseType?: string,
  guards: Guards = {},
): Exclude<Action, 'file'>[] {
  if (!party) return [];
  return (Object.keys(TRANSITIONS) as Exclude<Action, 'file'>[]).filter(
    (a) =>
      TRANSITIONS[a].party === party &&
      canTransition(a, status, priority, guards) &&
      (a !== 'redirect' || responseType === 'not_concerned'),
  );
}
