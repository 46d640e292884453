// A product's search tokens (server/search/tokens.ts): products grow with complaints, so a search is
// one equality on an indexed token instead of a regex over every product.
import { ProductModel } from '../models/Product.js';
import { storedTokens } from '../search/tokens.js';

/** The stored tokens of a product (name, brand, model, barcode). */
export function productTokens(p: { name: string; brand?: string | null; model?: string | null; gtin?: string | null }): string[] {
  return storedTokens([p.name, p.brand, p.model, p.gtin]);
}

/** Products stored before the tokens existed get them, a batch at a time (server/db/backfill.ts). */
export async function backfillProductTokens(batch = 500): Promise<number> {
  const rows = await ProductModel.find({ searchTokens: { $exists: false } }, { name: 1, brand: 1, model: 1, gtin: 1 })
    .limit(batch)
    .lean();
  for (const p of rows) await ProductModel.updateOne({ _id: p._id }, { $set: { searchTokens: productTokens(p) } });
  return rows.length;
}
