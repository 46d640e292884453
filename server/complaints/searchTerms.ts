// A complaint's search terms: the tokens of its number, product, brand, model, merchant, store and
// description in the one write-time scheme (server/search/tokens.ts), plus its whole number, so a
// typed number is one equality that picks out that complaint alone. Its list entry stores each token
// behind its month of filing (`entryTerms`): PostgreSQL answers an equality on such an array from its
// GIN index alone (an array over 1 KB gets no statistics, so it is estimated at a few rows) and checks
// the audience row by row, so a read costs every row its term selects in the whole table; with the
// month in the term that is one month's rows holding it, not every month's.
import { queryTokens, rarestFirst, storedTokens } from '../search/tokens.js';

/** Enough for the names and about 700 characters of Chinese description; every list read carries the row. */
const MAX_TERMS = 1500;
/** Three-character phrases kept at most (about 1,000 characters of description, past MAX_TERMS's cut). */
const MAX_PHRASES = 1000;
/**
 * The term of a complaint whose terms or phrases were cut (a description of thousands of characters):
 * a search by phrase reads these rows too, so a phrase past the cut is found as its bigrams would find
 * it. Stored without a month: such complaints are rare.
 */
export const CUT_TERM = '~';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const NUMBER = /^zj-\d{8}-\d{6}$/;

const normal = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** The query as a whole complaint number (`zj-20261130-000123`), or null. Text tokens never hold a "-", so this term is the number's own. */
export function numberTerm(q: string): string | null {
  const s = normal(q);
  return NUMBER.test(s) ? s : null;
}

export interface TermSource {
  number: string;
  merchantName?: string | null;
  storeName?: string | null;
  product?: { name?: string | null; brand?: string | null; model?: string | null } | null;
  description?: string | null;
}

/**
 * The Chinese phrases of three characters in these texts. A query of three or more characters reads
 * by one of its phrases: its two bigrams (热水, 水壶) are two terms, and FerretDB pushes down one
 * equality per field, so a read by either fetched every row holding that bigram (every 热水器 too).
 */
export function phraseTerms(texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts)
    for (const run of (text ?? '').normalize('NFKC').toLowerCase().match(CJK) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 2 < chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  return [...out];
}

/** The stored terms, names before the description (a very long description is cut, never a name), then its phrases. */
export function complaintTerms(c: TermSource): string[] {
  const p = c.product;
  const texts = [c.number, p?.name, p?.brand, p?.model, c.merchantName, c.storeName, c.description];
  const terms = [normal(c.number), ...storedTokens(texts)];
  const phrases = phraseTerms(texts);
  const cut = terms.length > MAX_TERMS || phrases.length > MAX_PHRASES;
  return [...terms.slice(0, MAX_TERMS), ...phrases.slice(0, MAX_PHRASES), ...(cut ? [CUT_TERM] : [])];
}

/**
 * A term as a list entry stores it: behind the month of filing, except a whole number (it selects one
 * row anyway) and CUT_TERM (one read finds the audience's few cut complaints of every month).
 */
export const monthTerm = (month: string, term: string) => (NUMBER.test(term) || term === CUT_TERM ? term : `${month}|${term}`);

/** The list entry's terms (`tt`) of a complaint filed in `month` (its `tm`, which never changes). */
export const entryTerms = (c: TermSource, month: string) => complaintTerms(c).map((t) => monthTerm(month, t));

/** The terms a complaint must all hold to match `q`, the one to read by first: a whole number alone, else the rarest token first. */
export function searchReadOrder(q: string): string[] {
  const num = numberTerm(q);
  return num ? [num] : rarestFirst(queryTokens(q));
}
