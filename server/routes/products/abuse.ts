// The abuse review queue (mass templated claims): regulators of the regions concerned decide.
import { idParam, page } from '../../../shared/schemas/common.js';
import { abuseDecisionSchema, abuseQuery, abuseReviewSchema } from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { AbuseReviewModel } from '../../models/AbuseReview.js';
import { presentAbuse } from '../../presenters/products.js';
import { visibleCountedPage } from '../../products/visibility.js';
import { decideAbuseReview } from '../../commands/reviewAbuse.js';

export const abuseRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/abuse-reviews',
      summary: 'Accounts queued for abuse review',
      tag: 'products',
      policy: 'abuse:list',
      query: abuseQuery,
      response: page(abuseReviewSchema),
    },
    async ({ actor, query }) => {
      const { items, nextCursor } = await visibleCountedPage(AbuseReviewModel, {
        actor: actor!,
        alternatives: [{ status: query.status ?? 'pending' }],
        sort: ['createdAt', -1],
        cursor: query.cursor,
        limit: query.limit,
        present: (r) => presentAbuse(r, actor),
      });
      return { items, nextCursor };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/abuse-reviews/:id/decision',
      summary: 'Clear or confirm a queued account',
      tag: 'products',
      policy: 'abuse:decide',
      params: idParam,
      body: abuseDecisionSchema,
      response: abuseReviewSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentAbuse(await decideAbuseReview(params.id, actor!, body.decision, body.note), actor),
  ),
];
