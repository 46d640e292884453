// Return commitments (public registry), store badges and return requests (API.md "Returns").
import { countedPage, idParam } from '../../../shared/schemas/common.js';
import {
  claimReturnSchema,
  commitmentQuery,
  commitmentTransitionSchema,
  createCommitmentSchema,
  createReturnSchema,
  disputeSchema,
  returnListQuery,
  returnOutcomeSchema,
  LEGAL_EXCLUSIONS,
  commitmentPage,
  commitmentSchema,
  returnRequestSchema,
  storeBadgeSchema,
} from '../../../shared/schemas/returns.js';
import { claimReturn } from '../../commands/claimReturn.js';
import { createReturnRequest } from '../../commands/createReturnRequest.js';
import { disputeReturn } from '../../commands/disputeReturn.js';
import { publishCommitment } from '../../commands/publishCommitment.js';
import { recordReturnOutcome } from '../../commands/recordReturnOutcome.js';
import { transitionCommitment } from '../../commands/transitionCommitment.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { readIdempotencyKey } from '../../http/idempotency.js';
import { paginate } from '../../http/paginate.js';
import { CommitmentEventModel } from '../../models/CommitmentEvent.js';
import { ReturnCommitmentModel, type ReturnCommitmentRecord } from '../../models/ReturnCommitment.js';
import { ReturnRequestModel } from '../../models/ReturnRequest.js';
import { StoreModel, type StoreRecord } from '../../models/Store.js';
import { findByIds } from '../../db/byIds.js';
import { authorizeVisible, canSee, type Actor } from '../../policies/index.js';
import { returnScope } from '../../policies/returns.js';
import { BADGE_LABEL, presentCommitment, presentReturn } from '../../presenters/returns.js';
import { listReturns } from '../../returns/list.js';
import { merchantReturnFigures } from '../../returns/merchantFigures.js';

async function storesOf(commitments: ReturnCommitmentRecord[]): Promise<Map<string, StoreRecord>> {
  const ids = [...new Set(commitments.flatMap((c) => c.storeIds.map(String)))];
  return new Map((await findByIds(StoreModel, ids)).map((s) => [String(s._id), s as StoreRecord]));
}

async function honorRates(merchantIds: string[]): Promise<Map<string, number | null>> {
  return new Map([...(await merchantReturnFigures(merchantIds))].map(([id, f]) => [id, f.honorRate]));
}

/** Who may see a commitment that is not active: its merchant, the bureaus of its regions, admins. */
const seesInactive = (a: Actor | null, c: ReturnCommitmentRecord) =>
  canSee(a, { merchantId: c.merchantId, regionCodes: [c.merchantCountyCode, ...c.countyCodes] });

export const returnRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/return-commitments',
      summary: 'Publish a no-reason return commitment',
      tag: 'returns',
      policy: 'return-commitment:create',
      body: createCommitmentSchema,
      response: commitmentSchema,
    },
    async ({ actor, body }) => {
      const c = await publishCommitment(actor!, body);
      return presentCommitment(c as ReturnCommitmentRecord, await storesOf([c as ReturnCommitmentRecord]));
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/return-commitments',
      summary: 'Public registry of return commitments',
      tag: 'returns',
      policy: 'return-commitment:list',
      query: commitmentQuery,
      response: commitmentPage,
    },
    async ({ actor, query }) => {
      const filter: Record<string, unknown> = {};
      const status = query.status ?? 'active';
      if (status !== 'all') filter.status = status;
      if (query.merchantId) filter.merchantId = query.merchantId;
      if (query.region?.length === 6) filter.countyCodes = query.region;
      else if (query.region?.length === 4) filter.cityCodes = query.region;
      if (query.category) {
        // A category is covered when it is not legally excluded, not excluded, and listed (or nothing is listed).
        if ((LEGAL_EXCLUSIONS as readonly string[]).includes(query.category)) return { items: [], nextCursor: null, total: 0 };
        filter.excludedCategories = { $ne: query.category };
        filter.$or = [{ categories: { $size: 0 } }, { categories: query.category }];
      }
      if (query.crossStore) filter.scope = { $in: ['chain_city', 'chain_province'] };
      // The registry's result count: active commitments are public, so it counts the same filter. Listing
      // suspended or withdrawn ones is checked per record (below), so their count is not offered.
      const [p, total] = await Promise.all([
        paginate(ReturnCommitmentModel, filter, query),
        status === 'active' ? ReturnCommitmentModel.countDocuments(filter) : null,
      ]);
      // Suspended and withdrawn commitments are listed only to those who may see them.
      const items = p.items.filter((c) => c.status === 'active' || seesInactive(actor, c));
      const [stores, rates] = await Promise.all([storesOf(items), honorRates(items.map((c) => String(c.merchantId)))]);
      return {
        items: items.map((c) => presentCommitment(c, stores, { honorRate: rates.get(String(c.merchantId)) ?? null })),
        nextCursor: p.nextCursor,
        total,
      };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/return-commitments/:id',
      summary: 'A commitment with its history',
      tag: 'returns',
      policy: 'return-commitment:read',
      params: idParam,
      response: commitmentSchema,
    },
    async ({ actor, params }) => {
      const c = await ReturnCommitmentModel.findById(params.id).lean();
      if (!c || (c.status !== 'active' && !seesInactive(actor, c))) throw notFound('Commitment');
      const [stores, rates, history] = await Promise.all([
        storesOf([c]),
        honorRates([String(c.merchantId)]),
        CommitmentEventModel.find({ commitmentId: c._id }).sort({ seq: 1 }).lean(),
      ]);
      return presentCommitment(c, stores, { honorRate: rates.get(String(c.merchantId)) ?? null, history });
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/return-commitments/:id/transitions',
      summary: 'Suspend, reinstate or withdraw a commitment',
      tag: 'returns',
      policy: 'return-commitment:transition',
      params: idParam,
      body: commitmentTransitionSchema,
      response: commitmentSchema,
      status: 200,
    },
    async ({ actor, params, body }) => {
      const c = await transitionCommitment(actor!, params.id, body);
      const history = await CommitmentEventModel.find({ commitmentId: c._id }).sort({ seq: 1 }).lean();
      return presentCommitment(c, await storesOf([c]), { history });
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/stores/:id/badge',
      summary: 'The 放心消费承诺 badge of a store',
      tag: 'returns',
      policy: 'store:badge',
      params: idParam,
      response: storeBadgeSchema,
    },
    async ({ params }) => {
      const store = await StoreModel.findById(params.id).lean();
      if (!store || !store.listed) throw notFound('Store');
      const active = await ReturnCommitmentModel.find({ storeIds: store._id, status: 'active' }).lean();
      return {
        storeId: String(store._id),
        commitmentBadge: active.length > 0,
        label: BADGE_LABEL,
        commitments: active.map((c) => ({
          id: String(c._id),
          scope: c.scope,
          windowDays: c.windowDays,
          refundWithinHours: c.refundWithinHours,
          acceptsOtherStores: c.scope !== 'store' && c.storeIds.length > 1,
        })),
      };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/return-requests',
      summary: 'Record a return; coverage is decided at once',
      tag: 'returns',
      policy: 'return-request:create',
      rateLimit: 'return-request',
      body: createReturnSchema,
      response: returnRequestSchema,
    },
    async ({ req, res, actor, body }) => {
      const { request, created } = await createReturnRequest(actor!, body, { idempotencyKey: readIdempotencyKey(req) });
      if (!created) res.locals.status = 200;
      return presentReturn(request, actor);
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/return-requests/claim',
      summary: 'Claim a return recorded at a desk with its receipt code',
      tag: 'returns',
      policy: 'return-request:claim',
      body: claimReturnSchema,
      response: returnRequestSchema,
      status: 200,
    },
    async ({ actor, body }) => presentReturn(await claimReturn(actor!, body.code, body.contactAgreement), actor),
  ),
  endpoint(
    {
      method: 'get',
      path: '/return-requests',
      summary: 'Return requests visible to me',
      tag: 'returns',
      policy: 'return-request:list',
      query: returnListQuery,
      response: countedPage(returnRequestSchema),
    },
    async ({ actor, query }) => {
      const p = await listReturns(actor!, query);
      return { items: p.items.map((r) => presentReturn(r, actor)), nextCursor: p.nextCursor, total: p.total };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/return-requests/:id',
      summary: 'One return request',
      tag: 'returns',
      policy: 'return-request:read',
      params: idParam,
      response: returnRequestSchema,
    },
    async ({ actor, params }) => {
      const r = await ReturnRequestModel.findById(params.id).lean();
      authorizeVisible(actor, r ? returnScope(r) : null, 'Return request');
      return presentReturn(r!, actor);
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/return-requests/:id/outcome',
      summary: 'Record honoured or refused',
      tag: 'returns',
      policy: 'return-request:outcome',
      params: idParam,
      body: returnOutcomeSchema,
      response: returnRequestSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentReturn(await recordReturnOutcome(actor!, params.id, body), actor),
  ),
  endpoint(
    {
      method: 'post',
      path: '/return-requests/:id/dispute',
      summary: 'Dispute a refusal',
      tag: 'returns',
      policy: 'return-request:dispute',
      params: idParam,
      body: disputeSchema,
      response: returnRequestSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentReturn(await disputeReturn(actor!, params.id, body.reason), actor),
  ),
];
