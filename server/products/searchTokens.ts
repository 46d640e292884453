// Write-time search tokens of a product: Chinese characters and their bigrams, Latin words and
// numbers with their prefixes. Products grow with complaints, so a search is one equality on an
// indexed token (pushed down by the engine) instead of a regex over every product.
import { ProductModel } from '../models/Product.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+/g;
const MIN_WORD = 2;

function tokensOf(text: string, prefixes: boolean): string[] {
  const s = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const run of s.match(CJK) ?? []) {
    const chars = [...run];
    out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  for (const w of s.match(WORD) ?? []) {
    if (!prefixes) out.push(w);
    else for (let n = MIN_WORD; n <= w.length; n++) out.push(w.slice(0, n));
  }
  return out;
}

/** The stored tokens of a product (name, brand, model, barcode). */
export function productTokens(p: { name: string; brand?: string | null; model?: string | null; gtin?: string | null }): string[] {
  return [...new Set([p.name, p.brand, p.model, p.gtin].filter((t): t is string => !!t).flatMap((t) => tokensOf(t, true)))];
}

/**
 * The tokens a product must hold to match a search: its Chinese bigrams (single characters only when
 * a run is one character long) and its Latin words of at least two characters. Empty when nothing in
 * the query can be searched.
 */
export function queryTokens(q: string): string[] {
  const s = q.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const run of s.match(CJK) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  for (const w of s.match(WORD) ?? []) if (w.length >= MIN_WORD) out.push(w);
  return [...new Set(out)];
}

/** Products stored before the tokens existed get them, a batch at a time (server/db/backfill.ts). */
export async function backfillProductTokens(batch = 500): Promise<number> {
  const rows = await ProductModel.find({ searchTokens: { $exists: false } }, { name: 1, brand: 1, model: 1, gtin: 1 }).limit(batch).lean();
  for (const p of rows) await ProductModel.updateOne({ _id: p._id }, { $set: { searchTokens: productTokens(p) } });
  return rows.length;
}
