// One complaint of a bulk job (server/jobs/bulkJobs.ts): the same command a single action uses, at
// the version the officer saw. A refusal becomes the complaint's "skipped" reason (its error code);
// a version conflict caused by this very job (a run cut short after the action, before its result
// was stored) is recognised from the complaint's next event and counts as done.
import type { BulkAction } from '../../shared/schemas/bulk.js';
import { AppError } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel, eventId } from '../models/ComplaintEvent.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope } from '../policies/complaints.js';
import { assignComplaint } from './assignComplaint.js';
import { transitionComplaint } from './transitionComplaint.js';

export interface BulkParams {
  assigneeId?: string;
  toRegion?: string;
}

export interface ItemOutcome {
  outcome: 'done' | 'skipped';
  reason?: string;
  number: string;
}

async function act(actor: Actor, action: BulkAction, c: ComplaintRecord, version: number, p: BulkParams): Promise<void> {
  const id = String(c._id);
  if (action === 'assign') await assignComplaint(actor, id, { assigneeId: p.assigneeId!, expectedVersion: version });
  else if (action === 'transfer')
    await transitionComplaint(actor, id, { action: 'transfer', toRegion: p.toRegion!, expectedVersion: version });
  else if (action === 'accept') await transitionComplaint(actor, id, { action: 'accept', expectedVersion: version });
  // An export only needs the complaint to be visible, which loading it checked.
}

/** Whether the event after `version` is this job's own action (the owner's, with the same target). */
async function isOwnNext(actor: Actor, action: BulkAction, c: { _id: unknown }, version: number, p: BulkParams): Promise<boolean> {
  const next = await ComplaintEventModel.findById(eventId(c._id, version + 1)).lean();
  if (!next || String(next.actorId) !== actor.id || next.action !== action) return false;
  const data = (next.data ?? {}) as Record<string, unknown>;
  return action === 'assign' ? data.assigneeId === p.assigneeId : action === 'transfer' ? data.toRegion === p.toRegion : true;
}

export async function applyBulkItem(
  actor: Actor,
  action: BulkAction,
  item: { id: string; version: number },
  p: BulkParams,
): Promise<ItemOutcome> {
  const c = (await ComplaintModel.findById(item.id).lean()) as ComplaintRecord | null;
  try {
    authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  } catch {
    return { outcome: 'skipped', reason: 'not_found', number: c?.number ?? '' };
  }
  const complaint = c!;
  try {
    await act(actor, action, complaint, item.version, p);
    return { outcome: 'done', number: complaint.number };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'version_conflict' && (await isOwnNext(actor, action, complaint, item.version, p)))
      return { outcome: 'done', number: complaint.number };
    return { outcome: 'skipped', reason: e.code, number: complaint.number };
  }
}
