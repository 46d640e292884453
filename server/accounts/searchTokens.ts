// User search (admin 用户 page, bureau officers, merchant staff): write-time search tokens. Accounts are
// thousands, not hundreds of thousands, but a search must still be one equality read: every account
// carries the lower-cased prefixes of each word of its name, email and organization (and, for Chinese
// text, every substring up to 12 characters, so "万家福" finds 浙江万家福连锁超市). A query is then
// `{search: <query>}` plus role/status equality, sorted by _id with a limit — on MongoDB a multikey
// index read; on FerretDB the equality is filtered over at most the few thousand accounts.
const MAX = 24;
const CJK = /[\u3400-\u9fff]/;

function wordTokens(word: string, out: Set<string>): void {
  if (CJK.test(word)) {
    for (let i = 0; i < word.length; i++) for (let j = i + 1; j <= Math.min(word.length, i + 12); j++) out.add(word.slice(i, j));
  } else {
    for (let j = 1; j <= Math.min(word.length, MAX); j++) out.add(word.slice(0, j));
  }
}

/** The query form of a search text: lower-cased, spaces removed, cut to the longest token. */
export function searchKey(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, '').slice(0, MAX);
}

export function searchTokens(texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    // The whole text without spaces (an email, "zhang san" typed as "zhangsan"), then each word.
    wordTokens(searchKey(lower), out);
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) if (word) wordTokens(word, out);
  }
  return [...out];
}
