// Post-sampling follow-ups: the bureaus' lists (by status, the overdue ones) and figures, the
// producer's own list, the rectification report (text and a file) and the re-sampling.
import { idParam } from '../../../shared/schemas/common.js';
import {
  followUpFiguresQuery,
  followUpFiguresSchema,
  followUpPage,
  followUpQuery,
  followUpSchema,
  rectificationReportSchema,
  resamplingSchema,
} from '../../../shared/schemas/followUps.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { evidenceUpload } from '../../http/multipart.js';
import { followUpFigures } from '../../followUps/figures.js';
import { recordResampling, submitReport } from '../../followUps/followUps.js';
import { SamplingFollowUpModel, type SamplingFollowUpRecord } from '../../models/SamplingFollowUp.js';
import { authorizeVisible } from '../../policies/index.js';
import { presentFollowUp } from '../../presenters/safety.js';
import { ownOrRegionPage } from '../../products/ownOrRegionPage.js';
import { storage } from '../../storage/index.js';
import { sendPrivateFile } from '../../http/stream.js';

const TAG = 'follow-ups';

async function visibleFollowUp(actor: Parameters<typeof authorizeVisible>[0], id: string) {
  return authorizeVisible(actor, (await SamplingFollowUpModel.findById(id).lean()) as SamplingFollowUpRecord | null, 'Follow-up');
}

export const followUpRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/sampling-follow-ups',
      summary: "Follow-ups of failed samplings: a bureau's region (by status, or the overdue ones), a producer's own",
      tag: TAG,
      policy: 'follow-up:list',
      query: followUpQuery,
      response: followUpPage,
    },
    async ({ actor, query }) => {
      const match: Record<string, unknown> = {};
      if (query.status) match.status = query.status;
      if (query.overdue) match.overdue = query.overdue === 'true';
      return ownOrRegionPage(SamplingFollowUpModel, {
        actor: actor!,
        asked: query.region,
        match,
        sort: 'orderedAt',
        cursor: query.cursor,
        limit: query.limit,
        present: (f) => presentFollowUp(f as SamplingFollowUpRecord),
      });
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/sampling-follow-ups/figures',
      summary: 'Follow-ups open, overdue, closed on time, and the re-sampling pass rate in a region',
      tag: TAG,
      policy: 'follow-up:figures',
      query: followUpFiguresQuery,
      response: followUpFiguresSchema,
    },
    async ({ actor, query }) => followUpFigures(actor!, query.region),
  ),
  endpoint(
    {
      method: 'get',
      path: '/sampling-follow-ups/:id',
      summary: 'One follow-up',
      tag: TAG,
      policy: 'follow-up:read',
      params: idParam,
      response: followUpSchema,
    },
    async ({ actor, params }) => presentFollowUp(await visibleFollowUp(actor, params.id)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/sampling-follow-ups/:id/report',
      summary: "The producer's rectification report (multipart: text, optional file: image or PDF, at most 10 MB)",
      tag: TAG,
      policy: 'follow-up:report',
      rateLimit: 'upload',
      params: idParam,
      before: evidenceUpload(),
      body: rectificationReportSchema,
      response: followUpSchema,
      status: 200,
    },
    async ({ actor, params, body, req }) => presentFollowUp(await submitReport(actor!, params.id, body.text, req.file)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/sampling-follow-ups/:id/report-file',
      summary: "Download the rectification report's file",
      tag: TAG,
      policy: 'follow-up:read',
      params: idParam,
      raw: true,
    },
    async ({ actor, params, res }) => {
      const r = (await visibleFollowUp(actor, params.id)).report;
      if (!r?.storageKey) throw notFound('File');
      await sendPrivateFile(res, await storage().get(r.storageKey), {
        contentType: r.contentType ?? 'application/octet-stream',
        name: r.fileName ?? 'file',
      });
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/sampling-follow-ups/:id/resampling',
      summary: 'Record the re-sampling (closes the follow-up)',
      tag: TAG,
      policy: 'follow-up:resample',
      params: idParam,
      body: resamplingSchema,
      response: followUpSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentFollowUp(await recordResampling(actor!, params.id, body)),
  ),
];
