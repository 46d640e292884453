// Product records: search, one product with its evidence in the actor's region, and merging.
import mongoose from 'mongoose';
import { idParam, page } from '../../../shared/schemas/common.js';
import {
  mergeProductsSchema,
  mergeResponse,
  productDetailSchema,
  productQuery,
  productSnapshotSchema,
} from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { paginate } from '../../http/paginate.js';
import { tokenFilter } from '../../search/tokens.js';
import { ComplaintFactModel } from '../../models/ComplaintFact.js';
import { ProductFlagModel } from '../../models/ProductFlag.js';
import { ProductMergeModel } from '../../models/ProductMerge.js';
import { ProductModel } from '../../models/Product.js';
import { SamplingResultModel } from '../../models/SamplingResult.js';
import { IncidentModel } from '../../models/Incident.js';
import { presentIncident } from '../../presenters/safety.js';
import { mergeProducts } from '../../commands/mergeProducts.js';
import { productSnapshot, survivor } from '../../commands/resolveProduct.js';
import { presentFlag, presentSampling } from '../../presenters/products.js';
import { regionFor, type Actor } from '../../policies/index.js';
import { factMatch } from '../../analytics/scope.js';
import { regionContains } from '../../../shared/regions.js';

/** A product is visible to a regulator with a complaint or a sampling result of it in its region. */
async function visibleProduct(actor: Actor, id: string) {
  const p = await ProductModel.findById(id).lean();
  if (!p) throw notFound('Product');
  const region = regionFor(actor);
  if (region === '33') return { p, region };
  // A merged record is seen by those who see the record its evidence moved to.
  const holder = p.mergedInto ? await survivor(p) : p;
  const complaint = await ComplaintFactModel.exists({ productId: holder._id, ...factMatch(region, {}) });
  const samplings = complaint ? [] : await SamplingResultModel.find({ productId: holder._id }, { regionCode: 1 }).lean();
  const incidents = complaint ? [] : await IncidentModel.find({ productId: holder._id }, { countyCode: 1 }).lean();
  const inRegion = [...samplings.map((s) => s.regionCode), ...incidents.map((i) => i.countyCode)];
  if (!complaint && !inRegion.some((code) => regionContains(region, code))) throw notFound('Product');
  return { p, region };
}

/**
 * Products grow with complaints: a search is one pushed-down equality on its longest token (the
 * rarest, most likely), the others checked on that small set; a merged record is never listed.
 * Also the incident report's product picker (server/routes/incidents/).
 */
export async function searchProducts(query: { q?: string; category?: string; limit: number; cursor?: string }) {
  const filter: Record<string, unknown> = { mergedInto: { $exists: false } };
  if (query.category) filter.category = query.category;
  if (query.q) {
    const search = tokenFilter('searchTokens', query.q);
    if (!search) return { items: [], nextCursor: null };
    Object.assign(filter, search);
  }
  const p = await paginate(ProductModel, filter, query);
  return { items: p.items.map(productSnapshot), nextCursor: p.nextCursor };
}

export const productRecordRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/products',
      summary: 'Search product records',
      tag: 'products',
      policy: 'product:list',
      query: productQuery,
      response: page(productSnapshotSchema),
    },
    async ({ query }) => searchProducts(query),
  ),
  endpoint(
    {
      method: 'get',
      path: '/products/:id',
      summary: 'A product with its complaints, samplings, flags and merge history',
      tag: 'products',
      policy: 'product:read',
      params: idParam,
      response: productDetailSchema,
    },
    async ({ actor, params }) => {
      const { p, region } = await visibleProduct(actor!, params.id);
      const match = { productId: p._id, ...factMatch(region, {}) };
      const complaintCount = await ComplaintFactModel.countDocuments(match);
      const recent = await ComplaintFactModel.find(match, { complaintId: 1, day: 1, countyCode: 1, merchantId: 1, status: 1, safety: 1 })
        .sort({ createdAt: -1 })
        .limit(50)
        .lean();
      const samplings = (await SamplingResultModel.find({ productId: p._id }).sort({ sampledOn: -1 }).limit(100).lean()).filter(
        (s) => regionContains(region, s.regionCode) || region === '33',
      );
      const flags = await ProductFlagModel.find({ productId: p._id }).sort({ raisedAt: -1 }).limit(10).lean();
      const incidents = (await IncidentModel.find({ productId: p._id }).sort({ occurredAt: -1 }).limit(50).lean()).filter(
        (i) => region === '33' || regionContains(region, i.countyCode),
      );
      const merges = await ProductMergeModel.find({ $or: [{ intoId: p._id }, { fromId: p._id }] })
        .sort({ at: -1 })
        .lean();
      return {
        ...productSnapshot(p),
        mergedInto: p.mergedInto ? String(p.mergedInto) : null,
        complaintCount,
        recentComplaints: recent.map((f) => ({
          id: String(f.complaintId),
          day: f.day,
          countyCode: f.countyCode,
          merchantId: String(f.merchantId),
          status: f.status,
          safety: !!f.safety,
        })),
        samplingResults: samplings.map(presentSampling),
        flags: flags.map(presentFlag),
        incidents: incidents.map(presentIncident),
        merges: merges.map((m) => ({
          fromId: String(m.fromId),
          intoId: String(m.intoId),
          fromName: m.fromName,
          fromKey: m.fromKey,
          note: m.note ?? null,
          moved: m.moved ? { complaints: m.moved.complaints ?? 0, samplings: m.moved.samplings ?? 0 } : null,
          actorId: String(m.actorId),
          at: m.at.toISOString(),
        })),
      };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/products/merge',
      summary: 'Merge a duplicate product record into another',
      tag: 'products',
      policy: 'product:merge',
      body: mergeProductsSchema,
      status: 200,
      response: mergeResponse,
    },
    async ({ actor, body }) => {
      await visibleProduct(actor!, body.fromId);
      await visibleProduct(actor!, body.intoId);
      const r = await mergeProducts(actor!, body);
      return { intoId: String(r.into as mongoose.Types.ObjectId), moved: r.moved };
    },
  ),
];
