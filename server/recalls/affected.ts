// Who a product concerns: the consumers who complained about it or returned it, and the merchants
// that sold it. A product is its record and every record merged into it (their complaints' facts
// may still name the old record); a return names it by barcode (its `productKey`, one of the
// product's alias keys); a sampling record names its producer, which is a seller when a merchant of
// that name is registered.
import type mongoose from 'mongoose';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductModel } from '../models/Product.js';
import { ProductAliasModel } from '../models/ProductAlias.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { SamplingResultModel } from '../models/SamplingResult.js';

type Id = mongoose.Types.ObjectId;

export interface Affected {
  consumerIds: string[];
  merchantIds: string[];
}

/** The record and the records merged into it, with every identity key that points at them. */
async function identities(productId: Id): Promise<{ ids: Id[]; keys: string[] }> {
  const merged = await ProductModel.find({ mergedInto: productId }, { _id: 1 }).lean();
  const ids = [productId, ...merged.map((p) => p._id)];
  const aliases = await Promise.all(ids.map((id) => ProductAliasModel.find({ productId: id }, { _id: 1 }).lean()));
  return { ids, keys: aliases.flat().map((a) => a._id) };
}

export async function affectedBy(productId: Id): Promise<Affected> {
  const { ids, keys } = await identities(productId);
  // One equality read per record and per key: each is pushed down to its index.
  const [facts, returns, samplings] = await Promise.all([
    Promise.all(ids.map((id) => ComplaintFactModel.find({ productId: id }, { consumerId: 1, merchantId: 1 }).lean())),
    Promise.all(keys.map((k) => ReturnRequestModel.find({ productKey: k }, { consumerId: 1, merchantId: 1 }).lean())),
    Promise.all(ids.map((id) => SamplingResultModel.find({ productId: id }, { producer: 1 }).lean())),
  ]);
  const rows = [...facts.flat(), ...returns.flat()];
  const producers = [...new Set(samplings.flat().map((s) => s.producer))];
  const producing = await Promise.all(producers.map((name) => OrganizationModel.findOne({ kind: 'merchant', name }, { _id: 1 }).lean()));
  const distinct = (xs: unknown[]) => [...new Set(xs.filter(Boolean).map(String))].sort();
  return {
    consumerIds: distinct(rows.map((r) => r.consumerId)),
    merchantIds: distinct([...rows.map((r) => r.merchantId), ...producing.map((o) => o?._id)]),
  };
}

/** The sellers by name, for the public page (a merchant deleted since is left out). */
export async function namedMerchants(ids: string[]): Promise<{ id: string; name: string }[]> {
  const orgs = await Promise.all(ids.map((id) => OrganizationModel.findById(id, { name: 1 }).lean()));
  return orgs.filter((o) => !!o).map((o) => ({ id: String(o._id), name: o.name }));
}
