// Search by equality on stored terms instead of a regex scan: CJK text gives its characters and
// character bigrams, Latin letters and digits give whole lower-cased tokens (a complaint number also
// gives itself whole). A query matches when every one of its terms is among a complaint's terms.
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;
/** Enough for the names and the start of a long description; keeps each list row small. */
const MAX_TERMS = 200;

function termsOf(text: string, out: Set<string>): void {
  const s = text.normalize('NFKC').toLowerCase();
  for (const [run] of s.matchAll(CJK)) {
    const chars = [...run];
    chars.forEach((ch, i) => {
      out.add(ch);
      if (i + 1 < chars.length) out.add(ch + chars[i + 1]);
    });
  }
  for (const [word] of s.matchAll(WORD)) {
    out.add(word);
    // "zj-20261130-000123" also matches by its parts.
    if (word.includes('-')) for (const part of word.split('-')) out.add(part);
  }
}

/** The stored terms of these texts, most important first (callers pass names before descriptions). */
export function searchTerms(texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (t) termsOf(t, out);
    if (out.size >= MAX_TERMS) break;
  }
  return [...out].slice(0, MAX_TERMS);
}

/** The terms a query must all match: bigrams for CJK runs (a lone character stands for itself). */
export function queryTerms(q: string): string[] {
  const s = q.normalize('NFKC').toLowerCase();
  const out = new Set<string>();
  for (const [run] of s.matchAll(CJK)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]);
  }
  for (const [word] of s.matchAll(WORD)) out.add(word);
  return [...out];
}
