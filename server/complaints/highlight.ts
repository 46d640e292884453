// Where a search's tokens occur in a complaint's texts, as ranges of the original text: the client
// marks them. Matching is on the same normalization as the stored tokens (NFKC, lower case), mapped
// back character by character, so full-width letters and upper case are marked where they stand.
import type { Highlight, SearchField } from '../../shared/schemas/complaintSearch.js';

type Range = { start: number; end: number };
const LATIN = /^[\p{L}\p{N}]+$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** A long description is shown as a window this long around its first match. */
const WINDOW = 120;
const LEAD = 30;

/** The normalized text and, for each of its UTF-16 units, where its character starts and ends in the original. */
function normalize(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, from, to };
}

/** Latin tokens match the start of a word (stored tokens are word prefixes); Chinese ones anywhere. */
function occurrences(norm: string, token: string): Range[] {
  const out: Range[] = [];
  const wordStart = LATIN.test(token) && !CJK.test(token);
  for (let at = norm.indexOf(token); at >= 0; at = norm.indexOf(token, at + 1)) {
    if (wordStart && at > 0 && WORD_CHAR.test(norm[at - 1]!) && !CJK.test(norm[at - 1]!)) continue;
    out.push({ start: at, end: at + token.length });
  }
  return out;
}

function merge(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The ranges of `text` where any token occurs, merged (adjacent bigrams of a phrase mark the phrase). */
export function markRanges(text: string, tokens: string[]): Range[] {
  const { norm, from, to } = normalize(text);
  const hits = merge(tokens.flatMap((t) => occurrences(norm, t)));
  return hits.map((r) => ({ start: from[r.start]!, end: to[r.end - 1]! }));
}

/** The highlight of one field, a long description cut to a window around its first match; null when nothing matches. */
export function highlight(field: SearchField, text: string | null | undefined, tokens: string[]): Highlight | null {
  if (!text) return null;
  const ranges = markRanges(text, tokens);
  if (!ranges.length) return null;
  if (field !== 'description' || text.length <= WINDOW) return { field, text, ranges };
  const begin = Math.max(0, Math.min(ranges[0]!.start - LEAD, text.length - WINDOW));
  const end = Math.min(text.length, begin + WINDOW);
  const lead = begin > 0 ? '…' : '';
  const shift = lead.length - begin;
  return {
    field,
    text: lead + text.slice(begin, end) + (end < text.length ? '…' : ''),
    ranges: ranges
      .filter((r) => r.end > begin && r.start < end)
      .map((r) => ({ start: Math.max(r.start, begin) + shift, end: Math.min(r.end, end) + shift })),
  };
}
