// A bureau's own work on complaints (issue #10): its officers, assigning a complaint to one of them,
// and the officers' internal notes. Policies: server/policies/complaints.ts (`seesInternal`).
import { idParam } from '../../../shared/schemas/common.js';
import { complaintSchema } from '../../../shared/schemas/complaint.js';
import {
  assignSchema,
  complaintNoteListSchema,
  complaintNoteSchema,
  noteInputSchema,
  officerListSchema,
} from '../../../shared/schemas/officers.js';
import { assignComplaint } from '../../commands/assignComplaint.js';
import { listNotes, writeNote } from '../../commands/writeNote.js';
import { endpoint } from '../../http/endpoint.js';
import { UserModel } from '../../models/User.js';
import { identities, presentComplaint } from '../../presenters/complaint.js';
import { presentNote, presentOfficer } from '../../presenters/officers.js';

const TAG = 'officers';
/** A bureau has tens of officers; the picker lists them all. */
const MAX_OFFICERS = 500;

export const officerRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/officers',
      summary: 'The active officers of my bureau (whom a complaint can be assigned to)',
      tag: TAG,
      policy: 'officer:list',
      response: officerListSchema,
    },
    async ({ actor }) => {
      // Equality on the indexed orgId (a bureau's few accounts); sorted by name here, not by the engine.
      const users = await UserModel.find({ orgId: actor!.orgId, role: 'regulator', status: 'active' }, { name: 1 })
        .limit(MAX_OFFICERS)
        .lean();
      return { items: users.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map(presentOfficer) };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/assignment',
      summary: 'Assign, reassign or take (assign to me) a complaint within my bureau',
      tag: TAG,
      policy: 'complaint:assign',
      params: idParam,
      body: assignSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => {
      const c = await assignComplaint(actor!, params.id, body);
      return presentComplaint(c, actor, await identities([c], actor));
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/:id/notes',
      summary: "Officers' internal notes on a complaint, oldest first",
      tag: TAG,
      policy: 'complaint:note-read',
      params: idParam,
      response: complaintNoteListSchema,
    },
    async ({ actor, params }) => ({ items: (await listNotes(actor!, params.id)).map(presentNote) }),
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/notes',
      summary: 'Write an internal note (seen only by officers of bureaus that see the complaint)',
      tag: TAG,
      policy: 'complaint:note-write',
      rateLimit: 'message',
      params: idParam,
      body: noteInputSchema,
      response: complaintNoteSchema,
    },
    async ({ actor, params, body }) => presentNote(await writeNote(actor!, params.id, body.body)),
  ),
];
