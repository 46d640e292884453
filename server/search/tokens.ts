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
 * Characters so frequent in complaints, product and shop names that a token made of them picks out
 * many records: a search reads by a token without them when it has one.
 */
const FREQUENT = new Set([
  ...'的了是不一我在有人这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感品店买商质量问题电器货退换款元',
]);

/** How many records a token is expected to pick out, smallest first: a guess from its kind alone. */
function selectivity(token: string): number {
  if (/^\d+$/.test(token)) return token.length >= 4 ? 40 + token.length : token.length * 4;
  if (!CJK_ONE.test(token)) return token.length * 5;
  const common = [...token].filter((ch) => FREQUENT.has(ch)).length;
  return [...token].length * 12 - common * 8;
}
const CJK_ONE = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** The tokens ordered rarest first (by selectivity(), longest as the tie-break): a search reads by the first. */
export function rarestFirst(tokens: string[]): string[] {
  return [...tokens].sort((a, b) => selectivity(b) - selectivity(a) || b.length - a.length);
}

/**
 * The filter part of a search on `field`: the rarest-looking token as the pushed-down equality and
 * every token checked on what it matched; null when the query has no token.
 */
export function tokenFilter(field: string, q: string): Record<string, unknown> | null {
  const tokens = queryTokens(q);
  if (!tokens.length) return null;
  return { [field]: rarestFirst(tokens)[0], ...(tokens.length > 1 ? { $and: [{ [field]: { $all: tokens } }] } : {}) };
}
