// Recall notices: publication by the case's bureau, the public list and page, the reach figures,
// and the notices of the consumers and merchants reached.
import { z } from 'zod';
import { idParam, page } from '../../../shared/schemas/common.js';
import {
  publishRecallSchema,
  recallListQuery,
  recallNoticeList,
  recallNoticeSchema,
  recallReachSchema,
  recallSchema,
} from '../../../shared/schemas/recalls.js';
import { answerRecallNotice, myNotice, recipientOf } from '../../commands/answerRecallNotice.js';
import { publishRecall } from '../../commands/publishRecall.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { offsetPage } from '../../http/paginate.js';
import { RecallModel } from '../../models/Recall.js';
import { RecallNoticeModel } from '../../models/RecallNotice.js';
import { authorizeVisible } from '../../policies/index.js';
import { presentNotice, presentRecall } from '../../presenters/recalls.js';
import { reachOf } from '../../recalls/reach.js';

const TAG = 'recalls';
const empty = z.object({}).strict();

export const recallRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/enforcement-cases/:id/recall-notice',
      summary: 'Publish the recall notice of a case in recall; reaches its consumers and sellers',
      tag: TAG,
      policy: 'recall:publish',
      params: idParam,
      body: publishRecallSchema,
      response: recallSchema,
    },
    async ({ actor, params, body }) => presentRecall((await publishRecall(actor!, params.id, body)).recall),
  ),
  endpoint(
    {
      method: 'get',
      path: '/public/recalls',
      summary: 'Published recalls, newest first (no sign-in)',
      tag: TAG,
      policy: 'public:recalls',
      query: recallListQuery,
      response: page(recallSchema),
    },
    async ({ query }) =>
      offsetPage(
        query,
        (skip, limit) => RecallModel.find({ listed: true }).sort({ publishedAt: -1 }).skip(skip).limit(limit).lean(),
        presentRecall,
      ),
  ),
  endpoint(
    {
      method: 'get',
      path: '/public/recalls/:id',
      summary: 'One recall notice (no sign-in)',
      tag: TAG,
      policy: 'public:recalls',
      params: idParam,
      response: recallSchema,
    },
    async ({ params }) => {
      const r = await RecallModel.findById(params.id).lean();
      if (!r) throw notFound('Recall');
      return presentRecall(r);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/recalls/:id/reach',
      summary: 'Who the recall reached: notified, read, acknowledged, merchants not yet acknowledged',
      tag: TAG,
      policy: 'recall:reach',
      params: idParam,
      response: recallReachSchema,
    },
    async ({ actor, params }) => reachOf(authorizeVisible(actor, await RecallModel.findById(params.id).lean(), 'Recall')),
  ),
  endpoint(
    {
      method: 'get',
      path: '/recall-notices',
      summary: 'The recall notices that reached me (or my merchant)',
      tag: TAG,
      policy: 'recall-notice:list',
      response: recallNoticeList,
    },
    async ({ actor }) => {
      const rows = await RecallNoticeModel.find({ recipient: recipientOf(actor!) }).lean();
      rows.sort((a, b) => +b.notifiedAt - +a.notifiedAt);
      return { items: rows.map(presentNotice) };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/recalls/:id/notice',
      summary: 'My notice of this recall (404 when it did not reach me)',
      tag: TAG,
      policy: 'recall-notice:list',
      params: idParam,
      response: recallNoticeSchema,
    },
    async ({ actor, params }) => presentNotice(await myNotice(actor!, params.id)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/recalls/:id/read',
      summary: 'Mark my recall notice read',
      tag: TAG,
      policy: 'recall-notice:read',
      params: idParam,
      body: empty,
      response: recallNoticeSchema,
      status: 200,
    },
    async ({ actor, params }) => presentNotice(await answerRecallNotice(actor!, params.id, 'read')),
  ),
  endpoint(
    {
      method: 'post',
      path: '/recalls/:id/acknowledge',
      summary: 'Acknowledge that my merchant took the recalled product off sale',
      tag: TAG,
      policy: 'recall-notice:acknowledge',
      params: idParam,
      body: empty,
      response: recallNoticeSchema,
      status: 200,
    },
    async ({ actor, params }) => presentNotice(await answerRecallNotice(actor!, params.id, 'acknowledge')),
  ),
];
