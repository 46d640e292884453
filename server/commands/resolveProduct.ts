import mongoose from 'mongoose';
import { cleanGtin, productKey, type ProductIdentityInput } from '../../shared/productKey.js';
import { isValidGtin } from '../../shared/gtin.js';
import { isDuplicateKey } from '../http/errors.js';
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

/**
 * The one product record for this description, created on first sight, or null when the
 * description cannot identify a product (no valid GTIN, no brand + model, no `fallbackKey`: a
 * sampling row names its producer, which identifies a product well enough). Concurrent first
 * sightings race on the unique key; the loser reads the winner's record.
 */
export async function resolveProduct(input: ProductInput, fallbackKey?: string): Promise<ProductRecord | null> {
  const key = productKey(input) ?? fallbackKey ?? null;
  if (!key) return null;
  const found = await ProductModel.findOne({ key }).lean();
  if (found) return survivor(found as ProductRecord);
  const gtin = cleanGtin(input.gtin);
  try {
    const created = await ProductModel.create({
      _id: new mongoose.Types.ObjectId(),
      key,
      name: input.name,
      category: input.category,
      gtin: isValidGtin(gtin) ? gtin : undefined,
      brand: input.brand ?? undefined,
      model: input.model ?? undefined,
      producer: input.producer ?? undefined,
    });
    return created.toObject() as ProductRecord;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = await ProductModel.findOne({ key }).lean();
    return winner ? survivor(winner as ProductRecord) : null;
  }
}

/** What of a product leaves the server. */
export function productSnapshot(p: ProductRecord) {
  return {
    id: String(p._id),
    name: p.name,
    category: p.category,
    gtin: p.gtin ?? null,
    brand: p.brand ?? null,
    model: p.model ?? null,
    producer: p.producer ?? null,
  };
}
export type ProductSnapshot = ReturnType<typeof productSnapshot>;
