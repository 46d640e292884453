// A merchant's credit inputs and its contests of them; the bureaus' list and decisions (docs/indices.md).
import { idParam } from '../../../shared/schemas/common.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/schemas/complaint.js';
import {
  contestDecisionInput,
  creditContestInput,
  creditContestPage,
  creditContestQuery,
  creditContestSchema,
  creditInputsQuery,
  creditInputsSchema,
} from '../../../shared/schemas/credit.js';
import { creditInputs, decideContest, fileContest, presentContest, visibleContest } from '../../credit/contests.js';
import { endpoint } from '../../http/endpoint.js';
import { singleFile } from '../../http/multipart.js';
import { pipeTo } from '../../http/stream.js';
import { uploadSlot } from '../../http/uploadSlots.js';
import { CreditContestModel, type CreditContestRecord } from '../../models/CreditContest.js';
import { ownOrRegionPage } from '../../products/ownOrRegionPage.js';
import { storage } from '../../storage/index.js';

const TAG = 'credit';
const upload = singleFile({ fileSize: ATTACHMENT_MAX_BYTES, fields: 5 });

export const creditRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/credit/inputs',
      summary: "The merchant's credit tier and the complaints it counts (newest first), each with what it adds and its contest",
      tag: TAG,
      policy: 'credit-input:list',
      query: creditInputsQuery,
      response: creditInputsSchema,
    },
    async ({ actor, query }) => creditInputs(actor!.orgId!, query),
  ),
  endpoint(
    {
      method: 'post',
      path: '/credit/contests',
      summary:
        'Contest one complaint among the credit inputs (multipart: complaintId, reason, file: image or PDF, at most 10 MB); goes to the bureau handling the complaint',
      tag: TAG,
      policy: 'credit-contest:create',
      rateLimit: 'upload',
      before: [uploadSlot, upload],
      body: creditContestInput,
      response: creditContestSchema,
    },
    async ({ actor, body, req }) => presentContest(await fileContest(actor!, body, req.file)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/credit/contests',
      summary: "Credit contests: a bureau's region (by state), a merchant's own; newest first, with the total",
      tag: TAG,
      policy: 'credit-contest:list',
      query: creditContestQuery,
      response: creditContestPage,
    },
    async ({ actor, query }) =>
      ownOrRegionPage(CreditContestModel, {
        actor: actor!,
        asked: query.region,
        match: query.state ? { state: query.state } : {},
        sort: 'filedAt',
        cursor: query.cursor,
        limit: query.limit,
        present: (c) => presentContest(c as CreditContestRecord),
      }),
  ),
  endpoint(
    {
      method: 'get',
      path: '/credit/contests/:id',
      summary: 'One credit contest with its timeline',
      tag: TAG,
      policy: 'credit-contest:read',
      params: idParam,
      response: creditContestSchema,
    },
    async ({ actor, params }) => presentContest(await visibleContest(actor, params.id)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/credit/contests/:id/evidence',
      summary: "Download a contest's evidence file",
      tag: TAG,
      policy: 'credit-contest:read',
      params: idParam,
      raw: true,
    },
    async ({ actor, params, res }) => {
      const e = (await visibleContest(actor, params.id)).evidence as { storageKey: string; fileName: string; contentType: string };
      const stream = await storage().get(e.storageKey);
      res.setHeader('content-type', e.contentType);
      res.setHeader('content-disposition', `inline; filename="file"; filename*=UTF-8''${encodeURIComponent(e.fileName)}`);
      res.setHeader('cache-control', 'private, no-store');
      await pipeTo(stream, res);
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/credit/contests/:id/decision',
      summary: 'Accept (the complaint leaves the credit inputs, the tier is recomputed) or reject a contest, with the reason',
      tag: TAG,
      policy: 'credit-contest:decide',
      params: idParam,
      body: contestDecisionInput,
      response: creditContestSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentContest(await decideContest(actor!, params.id, body)),
  ),
];
