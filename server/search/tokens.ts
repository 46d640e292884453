// Write-time search tokens, one scheme for every searchable record (products, accounts): a search is
// an equality on one indexed token (pushed down by the engine), the other tokens of the query checked
// on the few records it matched. Chinese text gives its characters and character bigrams, Latin
// words and numbers their prefixes, so "万家福" finds 浙江万家福连锁超市 and "zha" finds zhang.
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer prefixes add nothing a search types. */
const MAX_PREFIX = 24;

const normal = (text: string) => text.normalize('NFKC').toLowerCase();
const latinWords = (s: string) => s.replace(CJK, ' ').match(WORD) ?? [];

/** The stored tokens of these texts. */
export function storedTokens(texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const s = normal(text);
    for (const run of s.match(CJK) ?? []) {
      const chars = [...run];
      chars.forEach((ch, i) => {
        out.add(ch);
        if (i + 1 < chars.length) out.add(ch + chars[i + 1]);
      });
    }
    for (const w of latinWords(s)) for (let n = 1; n <= Math.min(w.length, MAX_PREFIX); n++) out.add(w.slice(0, n));
  }
  return [...out];
}

/**
 * The tokens a record must all hold to match a search: the query's Chinese bigrams (a lone character
 * stands for itself) and its Latin words. Empty when nothing in the query can be searched.
 */
export function queryTokens(q: string): string[] {
  const s = normal(q);
  const out: string[] = [];
  for (const run of s.match(CJK) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  out.push(...latinWords(s).map((w) => w.slice(0, MAX_PREFIX)));
  return [...new Set(out)];
}

/**
 * The filter part of a search on `field`: the longest token as the pushed-down equality (the rarest,
 * most likely) and every token checked on what it matched; null when the query has no token.
 */
export function tokenFilter(field: string, q: string): Record<string, unknown> | null {
  const tokens = queryTokens(q);
  if (!tokens.length) return null;
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  return { [field]: longest, ...(tokens.length > 1 ? { $and: [{ [field]: { $all: tokens } }] } : {}) };
}
