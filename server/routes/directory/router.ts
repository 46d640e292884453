import { z } from 'zod';
import type { MerchantListing } from '../../../shared/schemas/directory.js';
import {
  merchantListingSchema,
  merchantQuery,
  merchantSchema,
  regionQuery,
  regionSchema,
  storeQuery,
  storeSchema,
} from '../../../shared/schemas/directory.js';
import { idParam, page } from '../../../shared/schemas/common.js';
import { PROVINCE_CODE } from '../../../shared/regions.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { literalPattern, paginate } from '../../http/paginate.js';
import { OrganizationModel } from '../../models/Organization.js';
import { RegionModel } from '../../models/Region.js';
import { StoreModel } from '../../models/Store.js';
import { presentStore } from '../../presenters/store.js';
import { presentMerchant, presentMerchantListing } from '../../presenters/merchant.js';
import { MerchantRowModel } from '../../models/MerchantRow.js';

export const directoryRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/regions',
      summary: 'Regions of Zhejiang under a parent',
      tag: 'directory',
      policy: 'region:list',
      query: regionQuery,
      response: z.array(regionSchema),
    },
    async ({ query }) => {
      const rows = await RegionModel.find({ parent: query.parent ?? PROVINCE_CODE })
        .sort({ code: 1 })
        .lean();
      return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, level: r.level, parent: r.parent ?? null }));
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/merchants',
      summary: 'Search merchants',
      tag: 'directory',
      policy: 'merchant:list',
      query: merchantQuery,
      response: page(merchantListingSchema),
    },
    async ({ query }) => {
      // The registry's rows carry each merchant's tier (server/stores/merchantRows.ts): one read.
      const filter: Record<string, unknown> = { status: 'active' };
      if (query.q) filter.name = literalPattern(query.q);
      const p = await paginate(MerchantRowModel, filter, query);
      return { items: p.items.map((m) => presentMerchantListing(m, m.tier as MerchantListing['creditTier'])), nextCursor: p.nextCursor };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/merchants/:id',
      summary: 'Public merchant profile',
      tag: 'directory',
      policy: 'merchant:read',
      params: idParam,
      response: merchantSchema,
    },
    async ({ params }) => {
      const m = await OrganizationModel.findOne({ _id: params.id, kind: 'merchant', status: 'active' }).lean();
      if (!m) throw notFound('Merchant');
      return presentMerchant(m);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/stores',
      summary: 'Search stores',
      tag: 'directory',
      policy: 'store:list',
      query: storeQuery,
      response: page(storeSchema),
    },
    async ({ query }) => {
      // Closed stores take no new complaints or returns, so no picker offers them; stores of merchants
      // not approved are in no public list.
      const filter: Record<string, unknown> = { status: 'open', listed: true };
      if (query.merchantId) filter.merchantId = query.merchantId;
      if (query.region?.length === 6) filter.countyCode = query.region;
      else if (query.region?.length === 4) filter.cityCode = query.region;
      if (query.q) {
        const re = literalPattern(query.q);
        filter.$or = [{ name: re }, { merchantName: re }, { address: re }];
      }
      const p = await paginate(StoreModel, filter, query);
      return { items: p.items.map(presentStore), nextCursor: p.nextCursor };
    },
  ),
];
