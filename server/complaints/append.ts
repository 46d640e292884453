// Appends one event to a complaint: inserts it with seq = version + 1 (the unique (complaintId, seq)
// index decides a race: the loser gets E11000 and a 409, and nothing else changes), then writes the
// projection and its list entry and hands the event's effects to the runner. Lifecycle transitions
// and assignments both go through here.
import type { Party } from '../../shared/complaintMachine.js';
import { now } from '../clock.js';
import { conflict } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel, eventId } from '../models/ComplaintEvent.js';
import { afterAnswer } from './effectRunner.js';
import { applyEvent, type ComplaintState } from './projection.js';
import { syncProjection } from './repair.js';
import { storeEntries } from './storeEntries.js';
import { groupCreate } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';

export const versionConflict = () => conflict('version_conflict', 'The complaint has changed since you loaded it; reload and try again');

export interface NewEvent {
  action: string;
  /** The status after it (the same for an assignment). */
  to: string;
  party: Party;
  actorId: string | null;
  data: Record<string, unknown>;
  /** A clock transition long past its deadline changes state without notices. */
  quiet?: boolean;
}

export async function appendEvent(c: ComplaintRecord, e: NewEvent): Promise<ComplaintRecord> {
  const at = now();
  const seq = c.version + 1;
  // The event owes its effects (effects.ts) until the runner has done them: see effectRunner.ts.
  const event = {
    _id: eventId(c._id, seq),
    complaintId: c._id,
    seq,
    action: e.action,
    from: c.status,
    to: e.to,
    actorId: e.actorId,
    party: e.party,
    at,
    data: e.data,
    effects: 'pending' as const,
    ...(e.quiet ? { quiet: e.quiet } : {}),
  };
  const next: ComplaintState = applyEvent(c as unknown as ComplaintState, event);
  if (!(await firstWriter(groupCreate(ComplaintEventModel, [event])))) {
    await syncProjection(c._id);
    throw versionConflict();
  }
  // Only the inserter of seq v+1 writes version v+1, so this replace never overwrites a newer projection.
  await Promise.all([ComplaintModel.replaceOne({ _id: c._id, version: c.version }, next), storeEntries(c as never, next as never, at)]);
  afterAnswer(event, next);
  return next as unknown as ComplaintRecord;
}
