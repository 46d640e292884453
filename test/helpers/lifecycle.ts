// The lifecycle's rules, checked against stored history: every event a legal transition from the
// status before it (or an internal event that keeps it), nothing done after a deadline but the deadline job's own transition (and that
// not before the deadline), and nothing left past a deadline in a status the job would have moved.
import { canTransition, guardsOf, INTERNAL_ACTIONS, nextStatus, type Action } from '../../shared/complaintMachine.js';
import { clockStep, JOB_PERIOD_MS } from '../../server/complaints/history.js';
import { applyEvent, type ComplaintState, type EventLike } from '../../server/complaints/projection.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';

/** What is wrong with one complaint's history (events in any order), as readable lines. */
export function historyViolations(events: EventLike[], nowAt: Date): string[] {
  const out: string[] = [];
  let state: ComplaintState | null = null;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const where = `event ${e.seq} ${e.action}`;
    if (e.seq !== (state ? state.version + 1 : 1)) out.push(`${where}: seq after ${state?.version ?? 0}`);
    if (state && INTERNAL_ACTIONS.includes(e.action)) {
      if (e.to !== state.status) out.push(`${where}: changes the status to ${e.to}`);
    } else if (state) {
      const action = e.action as Exclude<Action, 'file'>;
      if (!canTransition(action, state.status, state.priority, guardsOf(state))) out.push(`${where}: not allowed from ${state.status}`);
      else if (e.to !== nextStatus(action, state.status)) out.push(`${where}: leads to ${e.to}`);
      // The clock's next move (a stage deadline, a promised remedy's date or confirmation time).
      const step = clockStep(state);
      const at = new Date(e.at).getTime();
      if (step) {
        const d = step.at.getTime() - JOB_PERIOD_MS;
        if (e.action === step.action && at < d) out.push(`${where}: before the deadline`);
        if (e.action !== step.action && at > d + JOB_PERIOD_MS)
          out.push(`${where}: ${Math.round((at - d) / 3600_000)} h after the ${state.status} deadline, which the job would have acted on`);
      }
    } else if (e.action !== 'file') out.push(`${where}: before filing`);
    state = applyEvent(state, e);
  }
  const last = state && clockStep(state);
  if (last && last.at.getTime() < nowAt.getTime())
    out.push(`${state!.status} ${Math.round((nowAt.getTime() - last.at.getTime() + JOB_PERIOD_MS) / 86_400_000)} days past its deadline`);
  return out;
}

/** Every complaint in the database checked: `number: problem` lines (empty when the world obeys the rules). */
export async function worldViolations(nowAt: Date): Promise<string[]> {
  const byComplaint = new Map<string, EventLike[]>();
  for await (const e of ComplaintEventModel.find().lean().cursor()) {
    const id = String(e.complaintId);
    byComplaint.set(id, [...(byComplaint.get(id) ?? []), e as unknown as EventLike]);
  }
  const out: string[] = [];
  for await (const c of ComplaintModel.find({}, { number: 1 }).lean().cursor()) {
    const events = byComplaint.get(String(c._id));
    if (!events) out.push(`${c.number}: no events`);
    else for (const v of historyViolations(events, nowAt)) out.push(`${c.number}: ${v}`);
  }
  return out;
}
