// Product identity, shared with the client so a form can show "this is the same product" before
// submitting. A valid GTIN decides; otherwise brand + model within a category, normalized so that
// full-/half-width forms, case, spaces and punctuation never make two products.
import { isValidGtin } from './gtin.js';

/** NFKC folds full-width letters and digits (ＡＢ１２ → AB12); then case, spaces and punctuation go. */
export function normalizeToken(s: string | undefined | null): string {
  if (!s) return '';
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface ProductIdentityInput {
  category: string;
  gtin?: string | null;
  brand?: string | null;
  model?: string | null;
}

/** A barcode as typed: NFKC (full-width digits) and no spaces or dashes. */
export function cleanGtin(gtin: string | undefined | null): string {
  return gtin ? gtin.normalize('NFKC').replace(/[\s-]/g, '') : '';
}

/**
 * The identity key of a product, or null when it cannot be identified (no valid GTIN and no
 * brand + model). GTIN keys ignore the category: the barcode names one product whatever a
 * consumer called its category.
 */
export function productKey(p: ProductIdentityInput): string | null {
  const gtin = cleanGtin(p.gtin);
  if (isValidGtin(gtin)) return `gtin:${gtin}`;
  const brand = normalizeToken(p.brand);
  const model = normalizeToken(p.model);
  if (!brand || !model) return null;
  return `bm:${p.category}:${brand}:${model}`;
}

/**
 * Every identity key a description carries, strongest first: its GTIN key and its brand + model
 * key. A description with both links the two, so later ones with either find the same product.
 */
export function productKeys(p: ProductIdentityInput): string[] {
  const keys: string[] = [];
  const gtin = cleanGtin(p.gtin);
  if (isValidGtin(gtin)) keys.push(`gtin:${gtin}`);
  const brand = normalizeToken(p.brand);
  const model = normalizeToken(p.model);
  if (brand && model) keys.push(`bm:${p.category}:${brand}:${model}`);
  return keys;
}
