// Pauses of a complaint's deadline (issue #12 item 6): each answers the complaint as its reader sees it,
// with the moved deadline and its explanation.
import { idParam } from '../../../shared/schemas/common.js';
import { complaintSchema } from '../../../shared/schemas/complaint.js';
import {
  declinePauseSchema,
  pauseDeadlineSchema,
  requestPauseSchema,
  resumeDeadlineSchema,
} from '../../../shared/schemas/deadlinePauses.js';
import { declinePauseRequest, pauseDeadline, requestPause, resumeDeadline } from '../../commands/pauseDeadline.js';
import { endpoint } from '../../http/endpoint.js';
import type { ComplaintRecord } from '../../models/Complaint.js';
import type { Actor } from '../../policies/index.js';
import { identities, presentComplaint } from '../../presenters/complaint.js';

const TAG = 'complaints';

async function present(c: ComplaintRecord, actor: Actor | null) {
  return presentComplaint(c, actor, await identities([c], actor));
}

export const deadlinePauseRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/deadline/pause',
      summary:
        "Pause the current deadline for testing, inspection or appraisal (the handling bureau; approves the merchant's pending request)",
      tag: TAG,
      policy: 'deadline:pause',
      params: idParam,
      body: pauseDeadlineSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => present(await pauseDeadline(actor!, params.id, body), actor),
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/deadline/resume',
      summary: 'Resume a paused deadline: it moves by the working days of the pause',
      tag: TAG,
      policy: 'deadline:resume',
      params: idParam,
      body: resumeDeadlineSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => present(await resumeDeadline(actor!, params.id, body), actor),
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/deadline/pause-request',
      summary: "Ask the bureau to pause the merchant's response deadline (the complaint's merchant)",
      tag: TAG,
      policy: 'deadline:request-pause',
      params: idParam,
      body: requestPauseSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => present(await requestPause(actor!, params.id, body), actor),
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/deadline/pause-request/decline',
      summary: "Refuse the merchant's request to pause (the handling bureau)",
      tag: TAG,
      policy: 'deadline:decline-pause',
      params: idParam,
      body: declinePauseSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => present(await declinePauseRequest(actor!, params.id, body), actor),
  ),
];
