import mongoose from 'mongoose';
import type { ProductSnapshot } from '../../shared/schemas/products.js';
import { productTokens } from '../products/searchTokens.js';
import { cleanGtin, productKeys, type ProductIdentityInput } from '../../shared/productKey.js';
import { isValidGtin } from '../../shared/gtin.js';
import { onlyDuplicateKeys } from '../http/errors.js';
import { ProductAliasModel } from '../models/ProductAlias.js';
import { ProductModel, type ProductRecord } from '../models/Product.js';

export interface ProductInput extends ProductIdentityInput {
  name: string;
  producer?: string | null;
}

/** Follows merges to the surviving record (a merge chain is short; the bound guards a cycle). */
export async function survivor(p: ProductRecord): Promise<ProductRecord> {
  let cur = p;
  for (let i = 0; i < 10 && cur.mergedInto; i++) {
    const next = await ProductModel.findById(cur.mergedInto).lean();
    if (!next) break;
    cur = next as ProductRecord;
  }
  return cur;
}

function newProduct(key: string, p: ProductInput) {
  const gtin = cleanGtin(p.gtin);
  return {
    _id: new mongoose.Types.ObjectId(),
    key,
    name: p.name,
    category: p.category as ProductSnapshot['category'],
    gtin: isValidGtin(gtin) ? gtin : undefined,
    brand: p.brand ?? undefined,
    model: p.model ?? undefined,
    producer: p.producer ?? undefined,
    searchTokens: productTokens({ name: p.name, brand: p.brand, model: p.model, gtin: isValidGtin(gtin) ? gtin : undefined }),
  };
}

/**
 * Products known under any of these keys, through their aliases, and the keys whose alias names a
 * record that does not exist (see resolveProducts): those are resolved as new.
 */
async function lookup(keys: string[]): Promise<{ known: Map<string, ProductRecord>; dangling: Map<string, unknown> }> {
  const known = new Map<string, ProductRecord>();
  const dangling = new Map<string, unknown>();
  // A few keys are read one by one by _id (no scan); a bulk lookup scans the aliases once.
  const aliases =
    keys.length <= 20
      ? (await Promise.all(keys.map((k) => ProductAliasModel.findById(k).lean()))).filter((a) => !!a)
      : await ProductAliasModel.find({ _id: { $in: keys } }).lean();
  const ids = [...new Set(aliases.map((a) => String(a.productId)))];
  const products =
    ids.length <= 20
      ? (await Promise.all(ids.map((id) => ProductModel.findById(id).lean()))).filter((p) => !!p)
      : await ProductModel.find({ _id: { $in: ids } }).lean();
  const byId = new Map(products.map((p) => [String(p._id), p as ProductRecord]));
  for (const a of aliases) {
    const p = byId.get(String(a.productId));
    if (p) known.set(a._id, p.mergedInto ? await survivor(p) : p);
    else dangling.set(a._id, a.productId);
  }
  return { known, dangling };
}

/**
 * Points keys at products; a key another writer took first keeps its product. A key whose alias names
 * a record that does not exist (`dangling`: written before its product by an older version killed in
 * between) is taken over only while it still names that record, so concurrent healers agree.
 */
async function addAliases(pairs: { _id: string; productId: mongoose.Types.ObjectId }[], dangling: Map<string, unknown>) {
  const fresh = pairs.filter((p) => !dangling.has(p._id));
  if (fresh.length)
    await ProductAliasModel.insertMany(fresh, { ordered: false }).catch((e) => {
      if (!onlyDuplicateKeys(e)) throw e;
    });
  for (const p of pairs.filter((p) => dangling.has(p._id)))
    await ProductAliasModel.updateOne({ _id: p._id, productId: dangling.get(p._id) }, { $set: { productId: p.productId } });
}

/**
 * The one product record for this description, created on first sight, or null when it cannot
 * identify a product (no valid GTIN, no brand + model, no `fallbackKey`: a sampling row names its
 * producer, which identifies a product well enough). Concurrent first sightings race on the
 * unique key; the loser reads the winner's record.
 */
export async function resolveProduct(input: ProductInput, fallbackKey?: string): Promise<ProductRecord | null> {
  const keys = productKeys(input);
  if (keys.length === 0 && fallbackKey) keys.push(fallbackKey);
  if (keys.length === 0) return null;
  return (await resolveProducts([input], fallbackKey ? { [keys[0]!]: input } : undefined)).get(keys[0]!) ?? null;
}

/**
 * Resolves many descriptions at once (imports, backfills, the demo seed): one lookup of all their
 * keys, one unordered insert of the new products, then their aliases. Returns key → product for
 * every key of every description.
 */
export async function resolveProducts(inputs: ProductInput[], extra?: Record<string, ProductInput>): Promise<Map<string, ProductRecord>> {
  const described = inputs.map((p) => ({ p, keys: productKeys(p) })).filter((d) => d.keys.length > 0);
  for (const [key, p] of Object.entries(extra ?? {})) if (!described.some((d) => d.keys.includes(key))) described.push({ p, keys: [key] });
  const allKeys = [...new Set(described.flatMap((d) => d.keys))];
  const found = await lookup(allKeys);
  let known = found.known;
  const dangling = found.dangling;
  const fresh = new Map<string, ProductInput>();
  for (const d of described) if (!d.keys.some((k) => known.has(k)) && !d.keys.some((k) => fresh.has(k))) fresh.set(d.keys[0]!, d.p);
  if (fresh.size) {
    const docs = [...fresh].map(([k, p]) => newProduct(k, p));
    // The unique key decides a race on a new product; every racer then names the product that was
    // written, read back by its key. The alias is written after its product, never before it: a process
    // killed in between leaves a product that the next resolution finds by its key, not a key that
    // names a record that does not exist.
    await ProductModel.insertMany(docs, { ordered: false }).catch((e) => {
      if (!onlyDuplicateKeys(e)) throw e;
    });
    const keys = [...fresh.keys()];
    const written =
      keys.length <= 20
        ? (await Promise.all(keys.map((key) => ProductModel.findOne({ key }).lean()))).filter((p) => !!p)
        : await ProductModel.find({ key: { $in: keys } }).lean();
    await addAliases(
      written.map((p) => ({ _id: p.key, productId: p._id })),
      dangling,
    );
    known = (await lookup(allKeys)).known;
  }
  const aliases: { _id: string; productId: mongoose.Types.ObjectId }[] = [];
  const out = new Map<string, ProductRecord>();
  for (const d of described) {
    const product = d.keys.map((k) => known.get(k)).find(Boolean);
    if (!product) continue;
    for (const k of d.keys) {
      out.set(k, product);
      if (!known.has(k) && !aliases.some((a) => a._id === k)) aliases.push({ _id: k, productId: product._id });
    }
  }
  await addAliases(aliases, dangling);
  return out;
}

/** What of a product leaves the server. */
export function productSnapshot(p: ProductRecord): ProductSnapshot {
  return {
    id: String(p._id),
    name: p.name,
    category: p.category as ProductSnapshot['category'],
    gtin: p.gtin ?? null,
    brand: p.brand ?? null,
    model: p.model ?? null,
    producer: p.producer ?? null,
  };
}
