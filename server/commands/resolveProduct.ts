import mongoose from 'mongoose';
import type { ProductSnapshot } from '../../shared/schemas/products.js';
import { productTokens } from '../products/searchTokens.js';
import { cleanGtin, productKeys, type ProductIdentityInput } from '../../shared/productKey.js';
import { isValidGtin } from '../../shared/gtin.js';
import { isDuplicateKey } from '../http/errors.js';
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

/** Products known under any of these keys, through their aliases. */
async function lookup(keys: string[]): Promise<Map<string, ProductRecord>> {
  const out = new Map<string, ProductRecord>();
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
    if (p) out.set(a._id, p.mergedInto ? await survivor(p) : p);
  }
  return out;
}

/** Points keys at products; a key another writer took first keeps its product. */
async function addAliases(pairs: { _id: string; productId: mongoose.Types.ObjectId }[]) {
  if (pairs.length === 0) return;
  await ProductAliasModel.insertMany(pairs, { ordered: false }).catch((e) => {
    if (!isDuplicateKey(e) && !(e as { writeErrors?: unknown[] }).writeErrors) throw e;
  });
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
  let known = await lookup(allKeys);
  const fresh = new Map<string, ProductInput>();
  for (const d of described) if (!d.keys.some((k) => known.has(k)) && !d.keys.some((k) => fresh.has(k))) fresh.set(d.keys[0]!, d.p);
  if (fresh.size) {
    const docs = [...fresh].map(([k, p]) => newProduct(k, p));
    // The alias insert decides a race on a new key; a product whose alias lost stays unreferenced.
    await addAliases(docs.map((d) => ({ _id: d.key, productId: d._id })));
    await ProductModel.insertMany(docs, { ordered: false }).catch((e) => {
      if (!isDuplicateKey(e) && !(e as { writeErrors?: unknown[] }).writeErrors) throw e;
    });
    known = await lookup(allKeys);
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
  await addAliases(aliases);
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
