// A merchant's credit inputs and its contests of them; the bureaus' list and decisions (docs/indices.md).
import { idParam } from '../../../shared/schemas/common.js';
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
import { evidenceUpload } from '../../http/multipart.js';
import { sendPrivateFile } from '../../http/stream.js';
import { CreditContestModel, type CreditContestRecord } from '../../models/CreditContest.js';
import { ownOrRegionPage } from '../../products/ownOrRegionPage.js';
import { storage } from '../../storage/index.js';

const TAG = 'credit';

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
      before: evidenceUpload(),
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
      await sendPrivateFile(res, await storage().get(e.storageKey), { contentType: e.contentType, name: e.fileName });
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
