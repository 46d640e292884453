// The abuse review queue (mass templated claims): regulators of the regions concerned decide.
import { idParam } from '../../../shared/schemas/common.js';
import { abuseDecisionSchema, abuseQuery } from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { AbuseReviewModel } from '../../models/AbuseReview.js';
import { presentAbuse } from '../../presenters/products.js';
import { regionScope } from '../../products/visibility.js';
import { decideAbuseReview } from '../../commands/reviewAbuse.js';

export const abuseRoutes = () => [
  endpoint({ method: 'get', path: '/abuse-reviews', summary: 'Accounts queued for abuse review', tag: 'products', policy: 'abuse:list', query: abuseQuery }, async ({ actor, query }) => {
    const filter: Record<string, unknown> = { ...(await regionScope(actor!)), status: query.status ?? 'pending' };
    const skip = Number(query.cursor ?? 0);
    const rows = await AbuseReviewModel.find(filter).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(query.limit + 1).lean();
    return { items: rows.slice(0, query.limit).map(presentAbuse), nextCursor: rows.length > query.limit ? String(skip + query.limit) : null };
  }),
  endpoint(
    { method: 'post', path: '/abuse-reviews/:id/decision', summary: 'Clear or confirm a queued account', tag: 'products', policy: 'abuse:decide', params: idParam, body: abuseDecisionSchema, status: 200 },
    async ({ actor, params, body }) => presentAbuse(await decideAbuseReview(params.id, actor!, body.decision, body.note)),
  ),
];
