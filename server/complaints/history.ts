// Simulated history (demo data, bulk data) as the deadline jobs would have made it: when a stage's
// deadline passes before the next step of a made-up life, the clock's own transition comes first,
// a job period after the deadline, as server/jobs/complaintDeadlines.ts does on a running server.
import { canTransition, guardsOf, nextStatus, type Action, type Party } from '../../shared/complaintMachine.js';
import type { ComplaintStatus } from '../../shared/enums.js';
import type { SystemAction } from '../commands/transitionComplaint.js';
import { applyEvent, type ComplaintState, type EventLike } from './projection.js';

/** What the deadline job does to a complaint whose current deadline has passed (DESIGN.md lifecycle). */
export const CLOCK_ACTION: Partial<Record<ComplaintStatus, SystemAction>> = {
  awaiting_merchant: 'escalate',
  merchant_responded: 'auto_accept',
  in_mediation: 'mediation_expired',
};

/** The deadline job runs every minute: its transition lands at most this long after the deadline. */
export const JOB_PERIOD_MS = 60_000;

/** The clock's next transition from this state and when the job makes it, or null (no deadline that moves it). */
export function clockStep(state: ComplaintState): { action: SystemAction; at: Date } | null {
  // A closed complaint: its promised remedy (overdue at its date, or the consumer asked again) and its
  // publication after the comment window, whichever comes first.
  const closed: { action: SystemAction; due: Date }[] = [];
  if (state.remedyCheckAt)
    closed.push({ action: state.remedy?.status === 'promised' ? 'remedy_overdue' : 'remedy_reminder', due: new Date(state.remedyCheckAt) });
  if (state.disclosureAt) closed.push({ action: 'disclose', due: new Date(state.disclosureAt) });
  const first = closed.sort((a, b) => a.due.getTime() - b.due.getTime())[0];
  if (first) return { action: first.action, at: new Date(first.due.getTime() + JOB_PERIOD_MS) };
  const action = CLOCK_ACTION[state.status];
  const due = state.deadlines?.current?.dueAt;
  if (!action || !due) return null;
  return { action, at: new Date(new Date(due).getTime() + JOB_PERIOD_MS) };
}

/** The system event the job appends for `step` (the same fields systemTransition writes). */
export function clockEvent<K extends object>(state: ComplaintState, step: { action: SystemAction; at: Date }, key: K): EventLike & K {
  return {
    ...key,
    seq: state.version + 1,
    action: step.action,
    from: state.status,
    to: nextStatus(step.action, state.status),
    actorId: null,
    party: 'system',
    at: step.at,
    data: {},
  };
}

/**
 * Lets the clock run until `until`: every transition the deadline job would have made by then is
 * applied; `key` (the complaint id) goes on each event. Returns the new state and those events.
 */
export function runClock<K extends object>(
  state: ComplaintState,
  until: number,
  key: K,
): { state: ComplaintState; events: (EventLike & K)[] } {
  const events: (EventLike & K)[] = [];
  for (let step = clockStep(state); step && step.at.getTime() <= until; step = clockStep(state)) {
    const e = clockEvent(state, step, key);
    state = applyEvent(state, e);
    events.push(e);
  }
  return { state, events };
}

/** One step of a made-up life: `after` ms after the previous step; a `system` step waits for its deadline instead. */
export interface LifeStep {
  action: Exclude<Action, 'file'>;
  party: Party;
  after: number;
  actorId?: unknown;
  data?: Record<string, unknown> | ((state: ComplaintState, at: Date) => Record<string, unknown>);
}

/**
 * Lives the steps from a filed complaint until `until`, with the clock running between them: a step
 * the clock made impossible (the merchant answering after the escalation) ends the life there.
 * Without `clock` (hand-made fixtures) every step happens on its time, as after a downtime of the job.
 */
export function live<K extends object>(
  filed: ComplaintState,
  steps: LifeStep[],
  until: number,
  key: K,
  opts: { clock: boolean } = { clock: true },
) {
  let state = filed;
  let t = new Date(filed.createdAt as Date).getTime();
  const events: (EventLike & K)[] = [];
  const tick = (to: number) => {
    if (!opts.clock) return;
    const ran = runClock(state, to, key);
    state = ran.state;
    events.push(...ran.events);
  };
  for (const s of steps) {
    if (s.party === 'system' && opts.clock) {
      const step = clockStep(state);
      if (!step || step.action !== s.action || step.at.getTime() > until) break;
      t = step.at.getTime();
    } else {
      t += s.after;
      tick(Math.min(t, until));
      if (t > until || (opts.clock && !canTransition(s.action, state.status, state.priority, guardsOf(state)))) break;
    }
    const data = typeof s.data === 'function' ? s.data(state, new Date(t)) : (s.data ?? {});
    const e = {
      ...key,
      seq: state.version + 1,
      action: s.action,
      from: state.status,
      to: nextStatus(s.action, state.status),
      actorId: s.actorId ?? null,
      party: s.party,
      at: new Date(t),
      data,
    };
    state = applyEvent(state, e);
    events.push(e);
  }
  tick(until);
  return { state, events };
}
