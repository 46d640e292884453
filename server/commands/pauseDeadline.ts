// Pausing a complaint's deadline for testing, inspection or appraisal (Interim Measures: that time does
// not count toward the handling deadlines). Each step is an event of the complaint (append.ts), so of
// two officers acting on the same version exactly one wins (409 version_conflict), and the timeline
// shows every pause with its reason. The projection (projection.ts `currentDeadline`) moves the due day.
import { isPausable } from '../../shared/deadlines.js';
import type { DeclinePauseInput, PauseDeadlineInput, RequestPauseInput, ResumeDeadlineInput } from '../../shared/schemas/deadlinePauses.js';
import { appendEvent, versionConflict } from '../complaints/append.js';
import type { CurrentDeadline } from '../complaints/projection.js';
import { conflict, forbidden, unprocessable } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintParty, complaintScope } from '../policies/complaints.js';
import { running } from '../policies/deadlines.js';

const currentOf = (c: ComplaintRecord) => (c.deadlines?.current ?? null) as CurrentDeadline;

async function load(actor: Actor, id: string, expectedVersion: number, as: 'regulator' | 'merchant') {
  const c = (await ComplaintModel.findById(id).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  const complaint = c!;
  if (complaintParty(actor, complaint) !== as)
    throw forbidden(
      as === 'regulator' ? 'Only the handling bureau pauses or resumes a deadline' : "Only the complaint's merchant asks for a pause",
    );
  if (expectedVersion !== complaint.version) throw versionConflict();
  const d = currentOf(complaint);
  if (!d || !isPausable(d.kind)) throw conflict('invalid_transition', 'No deadline of this complaint can be paused now');
  return { complaint, d };
}

const event = (c: ComplaintRecord, actor: Actor, action: string, party: 'regulator' | 'merchant', data: Record<string, unknown>) =>
  appendEvent(c, { action, to: c.status, party, actorId: actor.id, data });

export async function pauseDeadline(actor: Actor, id: string, input: PauseDeadlineInput) {
  const { complaint, d } = await load(actor, id, input.expectedVersion, 'regulator');
  if (d.pausedAt) throw conflict('already_paused', 'The deadline is already paused');
  if (!running(d)) throw unprocessable('deadline_passed', 'The deadline has already passed; a pause cannot revive it');
  // Approving the merchant's pending request: the pause is the merchant's, with the bureau's consent.
  const requestedBy = d.pauseRequest ? 'merchant' : 'regulator';
  return event(complaint, actor, 'pause_deadline', 'regulator', {
    reason: input.reason,
    requestedBy,
    ...(input.note ? { note: input.note } : {}),
  });
}

export async function resumeDeadline(actor: Actor, id: string, input: ResumeDeadlineInput) {
  const { complaint, d } = await load(actor, id, input.expectedVersion, 'regulator');
  if (!d.pausedAt) throw conflict('not_paused', 'The deadline is not paused');
  return event(complaint, actor, 'resume_deadline', 'regulator', {});
}

export async function requestPause(actor: Actor, id: string, input: RequestPauseInput) {
  const { complaint, d } = await load(actor, id, input.expectedVersion, 'merchant');
  if (d.kind !== 'merchant_response') throw conflict('invalid_transition', 'Only the response deadline can be paused at your request');
  if (d.pausedAt) throw conflict('already_paused', 'The deadline is already paused');
  if (d.pauseRequest) throw conflict('already_requested', 'A pause was already asked for; the bureau decides');
  if (!running(d)) throw unprocessable('deadline_passed', 'The deadline has already passed');
  return event(complaint, actor, 'request_pause', 'merchant', { reason: input.reason, ...(input.note ? { note: input.note } : {}) });
}

export async function declinePauseRequest(actor: Actor, id: string, input: DeclinePauseInput) {
  const { complaint, d } = await load(actor, id, input.expectedVersion, 'regulator');
  if (!d.pauseRequest) throw conflict('no_request', 'No pause was asked for');
  return event(complaint, actor, 'decline_pause_request', 'regulator', input.reason ? { reason: input.reason } : {});
}
