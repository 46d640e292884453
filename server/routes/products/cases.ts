// Enforcement cases and the public problem-product list.
import { countedPage, idParam, page } from '../../../shared/schemas/common.js';
import {
  caseQuery,
  caseSchema,
  caseTransitionSchema,
  openCaseSchema,
  publicCaseSchema,
  publicListQuery,
} from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { offsetPage } from '../../http/paginate.js';
import { EnforcementCaseModel, type EnforcementCaseRecord } from '../../models/EnforcementCase.js';
import { OrganizationModel } from '../../models/Organization.js';
import { ProductFlagModel } from '../../models/ProductFlag.js';
import { authorizeVisible } from '../../policies/index.js';
import { presentCase, presentPublicCase } from '../../presenters/products.js';
import { visibleCountedPage } from '../../products/visibility.js';
import { openCase, transitionCase } from '../../commands/enforcementCase.js';

/**
 * The merchants whose complaints made each case's flag, by name, so the public list links to their
 * profiles. A page holds at most `limit` cases of a few merchants each: point reads by _id.
 */
async function sellersOf(cases: EnforcementCaseRecord[]): Promise<Map<string, { id: string; name: string }[]>> {
  const names = new Map<string, Promise<string | null>>();
  const nameOf = (id: string) => {
    if (!names.has(id))
      names.set(
        id,
        OrganizationModel.findById(id, { name: 1 })
          .lean()
          .then((o) => o?.name ?? null),
      );
    return names.get(id)!;
  };
  const out = new Map<string, { id: string; name: string }[]>();
  await Promise.all(
    cases.map(async (c) => {
      const flag = await ProductFlagModel.findById(c.flagId, { evidence: 1 }).lean();
      const ids = ((flag?.evidence as { merchantIds?: string[] } | undefined)?.merchantIds ?? []).map(String);
      const found = await Promise.all(ids.map(async (id) => ({ id, name: await nameOf(id) })));
      out.set(
        String(c._id),
        found.filter((m): m is { id: string; name: string } => m.name !== null),
      );
    }),
  );
  return out;
}

export const caseRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/enforcement-cases',
      summary: 'Open an enforcement case from a flag',
      tag: 'products',
      policy: 'case:create',
      body: openCaseSchema,
      response: caseSchema,
    },
    async ({ actor, body }) => presentCase(await openCase(actor!, body)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/enforcement-cases/:id/transitions',
      summary: 'Move a case a step, with a note',
      tag: 'products',
      policy: 'case:transition',
      params: idParam,
      body: caseTransitionSchema,
      response: caseSchema,
      status: 200,
    },
    async ({ actor, params, body }) => presentCase(await transitionCase(actor!, params.id, body)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/enforcement-cases',
      summary: 'Enforcement cases in the region',
      tag: 'products',
      policy: 'case:list',
      query: caseQuery,
      response: countedPage(caseSchema),
    },
    async ({ actor, query }) =>
      visibleCountedPage(EnforcementCaseModel, {
        actor: actor!,
        asked: query.region,
        alternatives: [query.status ? { status: query.status } : {}],
        sort: ['updatedAt', -1],
        cursor: query.cursor,
        limit: query.limit,
        present: presentCase,
      }),
  ),
  endpoint(
    {
      method: 'get',
      path: '/enforcement-cases/:id',
      summary: 'One enforcement case with its log',
      tag: 'products',
      policy: 'case:read',
      params: idParam,
      response: caseSchema,
    },
    async ({ actor, params }) => presentCase(authorizeVisible(actor, await EnforcementCaseModel.findById(params.id).lean(), 'Case')),
  ),
  endpoint(
    {
      method: 'get',
      path: '/public/problem-products',
      summary: 'Public list of problem products (no sign-in)',
      tag: 'products',
      policy: 'public:problem-products',
      query: publicListQuery,
      response: page(publicCaseSchema),
    },
    async ({ query }) => {
      const filter: Record<string, unknown> = { public: true };
      if (query.category) filter['product.category'] = query.category;
      const { items, nextCursor } = await offsetPage(
        query,
        (skip, limit) => EnforcementCaseModel.find(filter).sort({ updatedAt: -1, _id: 1 }).skip(skip).limit(limit).lean(),
        (c) => c,
      );
      const sellers = await sellersOf(items);
      return { items: items.map((c) => ({ ...presentPublicCase(c), merchants: sellers.get(String(c._id)) ?? [] })), nextCursor };
    },
  ),
];
