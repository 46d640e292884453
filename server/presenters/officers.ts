// What of a bureau's internal work leaves the server: its officers (name only), their notes and
// saved queue views.
import type { ComplaintNote, Officer } from '../../shared/schemas/officers.js';
import type { SavedView } from '../../shared/schemas/savedViews.js';
import type { ViewCount } from '../complaints/viewCounts.js';
import type { ComplaintNoteRecord } from '../models/ComplaintNote.js';
import type { SavedViewRecord } from '../models/SavedView.js';
import type { Actor } from '../policies/index.js';

export const presentOfficer = (u: { _id: unknown; name: string }): Officer => ({ id: String(u._id), name: u.name });

export function presentNote(n: ComplaintNoteRecord): ComplaintNote {
  return {
    id: String(n._id),
    complaintId: String(n.complaintId),
    authorId: String(n.authorId),
    authorName: n.authorName,
    orgName: n.orgName,
    body: n.body,
    at: new Date(n.at).toISOString(),
  };
}

export function presentView(v: SavedViewRecord, actor: Actor, n: ViewCount): SavedView {
  return {
    id: String(v._id),
    name: v.name,
    shared: v.shared,
    mine: String(v.ownerId) === actor.id,
    ownerName: v.ownerName,
    filters: v.filters as SavedView['filters'],
    count: n.count,
    capped: n.capped,
  };
}
