// Who may pause complaint deadlines (issue #12 item 6). The endpoints admit the roles; which complaint
// and which side of it (the handling bureau, the complaint's merchant) is decided in
// server/commands/pauseDeadline.ts by complaintParty, as for lifecycle transitions.
import { isPausable } from '../../shared/deadlines.js';
import type { DeadlineAction } from '../../shared/schemas/deadlinePauses.js';
import { now } from '../clock.js';
import type { CurrentDeadline } from '../complaints/projection.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import type { Actor } from './actor.js';
import { complaintParty } from './complaints.js';
import { role, type Rule } from './rules.js';

export const deadlineRules = {
  'deadline:pause': role('regulator'),
  'deadline:resume': role('regulator'),
  'deadline:request-pause': role('merchant'),
  'deadline:decline-pause': role('regulator'),
} satisfies Record<string, Rule>;

/** The deadline actions open to `actor` on a complaint now (for the page's buttons). */
export function deadlineActions(actor: Actor | null, c: ComplaintRecord): DeadlineAction[] {
  const d = (c.deadlines?.current ?? null) as CurrentDeadline;
  const party = complaintParty(actor, c);
  if (!d || !isPausable(d.kind) || (party !== 'regulator' && party !== 'merchant')) return [];
  const paused = !!d.pausedAt;
  if (party === 'merchant') return d.kind === 'merchant_response' && !paused && !d.pauseRequest && running(d) ? ['request_pause'] : [];
  if (paused) return ['resume'];
  return [...(running(d) ? (['pause'] as const) : []), ...(d.pauseRequest ? (['decline_pause_request'] as const) : [])];
}

/** A deadline that has not passed: a pause stops a clock, it does not revive one that ran out. */
export const running = (d: NonNullable<CurrentDeadline>) => !!d.dueAt && new Date(d.dueAt).getTime() > now().getTime();
