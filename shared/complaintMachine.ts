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
  | 'mediation_expired';

const OPEN: ComplaintStatus[] = ['awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation'];

interface Rule {
  party: Party;
  from: readonly ComplaintStatus[];
  /** The next status; `same` keeps it (transfer, rate). */
  to: ComplaintStatus | 'same';
  /** Urgent complaints reach the bureau at once: it may accept before the merchant stage ends. */
  urgentFrom?: readonly ComplaintStatus[];
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
};

export function isClosed(status: ComplaintStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Whether `action` may be taken from `status` (ignoring who asks). */
export function canTransition(action: Exclude<Action, 'file'>, status: ComplaintStatus, priority: 'normal' | 'urgent' = 'normal'): boolean {
  const rule = TRANSITIONS[action];
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
): Exclude<Action, 'file'>[] {
  if (!party) return [];
  return (Object.keys(TRANSITIONS) as Exclude<Action, 'file'>[]).filter(
    (a) => TRANSITIONS[a].party === party && canTransition(a, status, priority) && (a !== 'redirect' || responseType === 'not_concerned'),
  );
}
