// Flags (regulators of the regions concerned) and the thresholds that raise them.
import mongoose from 'mongoose';
import { countedPage, idParam } from '../../../shared/schemas/common.js';
import {
  detectResponse,
  flagDetailSchema,
  flagListItemSchema,
  flagQuery,
  flagRulesResponse,
  putFlagRulesSchema,
} from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { ComplaintFactModel, type ComplaintFactRecord } from '../../models/ComplaintFact.js';
import { findByIds } from '../../db/byIds.js';
import { ProductFlagModel } from '../../models/ProductFlag.js';
import { OrganizationModel } from '../../models/Organization.js';
import { StoreModel } from '../../models/Store.js';
import { authorizeVisible, regionFor } from '../../policies/index.js';
import { presentFlag, presentFlagRow } from '../../presenters/products.js';
import { currentRules, saveRules } from '../../products/flagRules.js';
import { visibleCountedPage } from '../../products/visibility.js';
import { detectAll } from '../../commands/detectFlags.js';
import { flagListRowsHeld, flagPage } from '../../products/flagEntries.js';

const rulesOut = (r: Awaited<ReturnType<typeof currentRules>>) => ({
  version: r.version,
  rules: r.rules,
  updatedAt: r.at ? r.at.toISOString() : null,
});

export const flagRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/flag-rules',
      summary: 'Flag thresholds in force',
      tag: 'products',
      policy: 'flag-rules:read',
      response: flagRulesResponse,
    },
    async () => rulesOut(await currentRules()),
  ),
  endpoint(
    {
      method: 'put',
      path: '/flag-rules',
      summary: 'Change flag thresholds (provincial bureau)',
      tag: 'products',
      policy: 'flag-rules:update',
      body: putFlagRulesSchema,
      response: flagRulesResponse,
    },
    async ({ actor, body }) => rulesOut(await saveRules(body.rules, actor!.id, body.expectedVersion)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/product-flags',
      summary: 'Problem-product flags, highest score first',
      tag: 'products',
      policy: 'flag:list',
      query: flagQuery,
      response: countedPage(flagListItemSchema),
    },
    async ({ actor, query }) => {
      const statuses = query.status ? [query.status] : ['open', 'case_opened'];
      if (await flagListRowsHeld()) {
        return flagPage(actor!, { ...query, asked: query.region, statuses });
      }
      // Until every flag's list rows carry what the list shows (the start-up backfill, once per database).
      const alternatives = statuses.map((status) => ({ status, ...(query.category ? { category: query.category } : {}) }));
      return visibleCountedPage(ProductFlagModel, {
        actor: actor!,
        asked: query.region,
        alternatives,
        sort: ['score', -1],
        cursor: query.cursor,
        limit: query.limit,
        present: presentFlagRow,
      });
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/product-flags/:id',
      summary: 'A flag with the complaints and samplings behind it',
      tag: 'products',
      policy: 'flag:read',
      params: idParam,
      response: flagDetailSchema,
    },
    async ({ actor, params }) => {
      const flag = authorizeVisible(actor, await ProductFlagModel.findById(params.id).lean(), 'Flag');
      const out = presentFlag(flag);
      // The complaints behind the flag, limited to the actor's region (a county bureau does not see
      // its neighbours' complaints even when the flag spans both).
      const region = regionFor(actor);
      const ids = out.evidence.complaintIds.map((id) => new mongoose.Types.ObjectId(id));
      const facts = (await findByIds<ComplaintFactRecord>(ComplaintFactModel, ids))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .filter((f) => region === '33' || f.countyCode.startsWith(region));
      const merchants = new Map(
        (
          await findByIds<{ name: string }>(
            OrganizationModel,
            facts.map((f) => f.merchantId),
            { name: 1 },
          )
        ).map((o) => [String(o._id), o.name]),
      );
      const stores = new Map(
        (
          await findByIds<{ name: string }>(
            StoreModel,
            facts.map((f) => f.storeId),
            { name: 1 },
          )
        ).map((s) => [String(s._id), s.name]),
      );
      return {
        ...out,
        complaints: facts.map((f) => ({
          id: String(f.complaintId),
          day: f.day,
          countyCode: f.countyCode,
          cityCode: f.cityCode,
          merchantId: String(f.merchantId),
          merchantName: merchants.get(String(f.merchantId)) ?? null,
          storeId: String(f.storeId),
          storeName: stores.get(String(f.storeId)) ?? null,
          problemType: f.problemType,
          safety: !!f.safety,
          status: f.status,
        })),
      };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/product-flags/detect',
      summary: 'Run flag detection now over recent products',
      tag: 'products',
      policy: 'flag:detect',
      rateLimit: 'expensive',
      response: detectResponse,
      status: 200,
    },
    async () => detectAll(),
  ),
];
