// A complaint as one viewer may see it, with its timeline, thread and evidence: the JSON detail page and
// the printable record are both this, so what the PDF shows is exactly what the page may show.
import type { ComplaintDetail } from '../../shared/schemas/complaint.js';
import { AttachmentModel } from '../models/Attachment.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintMessageModel } from '../models/ComplaintMessage.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope, seesConsumerIdentity } from '../policies/complaints.js';
import { identities, presentAttachment, presentComplaint, presentMessage, presentTimeline } from '../presenters/complaint.js';
import { syncProjection } from './repair.js';
import { loadTimeline } from './timeline.js';

/** The complaint, or 404 when it is absent or outside the actor's visibility. */
export async function visibleComplaint(actor: Actor | null, id: string): Promise<ComplaintRecord> {
  const c = (await ComplaintModel.findById(id).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  return c!;
}

export async function complaintDetail(actor: Actor | null, id: string): Promise<ComplaintDetail> {
  let c = await visibleComplaint(actor, id);
  let timeline = await loadTimeline(c);
  // A projection behind its events (a crash between the two writes) is repaired on read.
  if (timeline.behind) {
    c = (await syncProjection(c._id))!;
    timeline = await loadTimeline(c);
  }
  const { events } = timeline;
  const [messages, attachments] = await Promise.all([
    ComplaintMessageModel.find({ complaintId: c._id }).sort({ at: 1, _id: 1 }).lean(),
    AttachmentModel.find({ complaintId: c._id }).sort({ at: 1 }).lean(),
  ]);
  const showName = seesConsumerIdentity(actor, c);
  return {
    ...presentComplaint(c, actor, await identities([c], actor)),
    timeline: presentTimeline(events, actor, c),
    messages: messages.map((m) => presentMessage(m, c, showName)),
    attachments: attachments.map(presentAttachment),
  };
}
