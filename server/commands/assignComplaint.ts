// Assigns a complaint to an officer of the caller's bureau (reassigns it, or takes it: the caller's own
// id). The assignment is an event of the complaint (server/complaints/append.ts), so of two officers
// assigning the same version at once exactly one wins and the other gets 409 version_conflict.
import { isClosed } from '../../shared/complaintMachine.js';
import type { ComplaintStatus } from '../../shared/enums.js';
import type { AssignInput } from '../../shared/schemas/officers.js';
import { appendEvent, versionConflict } from '../complaints/append.js';
import { assignmentOf } from '../complaints/projection.js';
import { conflict, forbidden, unprocessable } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope, isFellowOfficer, seesInternal } from '../policies/complaints.js';

export async function assignComplaint(actor: Actor, complaintId: string, input: AssignInput): Promise<ComplaintRecord> {
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  const complaint = c!;
  if (!seesInternal(actor, complaint)) throw forbidden('Only officers of a bureau that sees the complaint assign it');
  if (input.expectedVersion !== complaint.version) throw versionConflict();
  if (isClosed(complaint.status as ComplaintStatus)) throw conflict('invalid_transition', 'A closed complaint is not assigned');
  const officer = await UserModel.findById(input.assigneeId, { name: 1, role: 1, status: 1, orgId: 1 }).lean();
  if (!officer || !isFellowOfficer(actor, officer))
    throw unprocessable('not_an_officer', 'Only an active officer of your bureau can be assigned');
  const current = assignmentOf(complaint, actor.regionCode);
  if (current?.userId === input.assigneeId) throw conflict('already_assigned', 'The complaint is already assigned to this officer');
  return appendEvent(complaint, {
    action: 'assign',
    to: complaint.status,
    party: 'regulator',
    actorId: actor.id,
    data: {
      region: actor.regionCode!,
      assigneeId: input.assigneeId,
      assigneeName: officer.name,
      ...(current ? { previousAssigneeId: current.userId } : {}),
    },
  });
}
