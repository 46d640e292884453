// Ranked full-text search of complaints, inside the searcher's visibility. Read: one equality on the
// audience and the query's rarest-looking term (server/search/tokens.ts), at most PROBE rows (the
// pushdown test explains exactly this read); the other terms are checked on those rows, then ranked.
// When a term holds more than PROBE rows of the audience the next rarest is tried; if every tried term
// is that common, the rows read are ranked and the answer says it is partial. A whole complaint number
// is its own term. FerretDB filters and limits after reading every row both equalities select, so the
// cost of a search is the number of the audience's complaints holding its rarest term.
import type { Highlight, SearchField } from '../../shared/schemas/complaintSearch.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import type { Actor } from '../policies/index.js';
import { queryTokens, rarestFirst } from '../search/tokens.js';
import { highlight } from './highlight.js';
import { audienceFor } from './query.js';
import { complaintTerms, numberTerm } from './searchTerms.js';

const PROBE = 100;
const PROBES = 3;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[^\s\p{P}\p{S}\u3400-\u9fff\uf900-\ufaff]+/gu;

/**
 * One read of the audience's rows holding `term`, at most PROBE + 1 (one more tells that there are more).
 * No sort: no index can sort it (MongoDB indexes one array per index, and `aud` and `terms` are both
 * arrays); the rows are ranked, newest first among equals, after the read.
 */
export function searchProbe(audience: string, term: string) {
  return ComplaintEntryModel.find({ aud: audience, terms: term }, { c: 1, ts: 1 })
    .limit(PROBE + 1)
    .lean();
}

export interface SearchHit {
  complaint: ComplaintRecord;
  exactNumber: boolean;
  matchedWords: number;
  highlights: Highlight[];
}

const normal = (s: string) => s.normalize('NFKC').toLowerCase();

function fieldsOf(c: ComplaintRecord): [SearchField, string | null | undefined][] {
  return [
    ['number', c.number],
    ['product', c.product?.name],
    ['brand', c.product?.brand],
    ['model', c.product?.model],
    ['merchant', c.merchantName],
    ['store', c.storeName],
    ['description', c.description],
  ];
}

/** Ranking: the complaint whose number was typed, then the most query words found whole, then the newest. */
function rank(c: ComplaintRecord, q: string, words: string[], marks: string[]): SearchHit {
  const fields = fieldsOf(c);
  const texts = fields.map(([, t]) => normal(t ?? ''));
  return {
    complaint: c,
    exactNumber: normal(q.trim()) === normal(c.number),
    matchedWords: words.filter((w) => texts.some((t) => t.includes(w))).length,
    highlights: fields.flatMap(([f, t]) => highlight(f, t, marks) ?? []),
  };
}

export async function searchComplaints(actor: Actor, q: string, limit: number): Promise<{ hits: SearchHit[]; partial: boolean }> {
  const { audience } = audienceFor(actor, undefined);
  const tokens = queryTokens(q);
  const num = numberTerm(q);
  if (!audience || !tokens.length) return { hits: [], partial: false };
  const rows = new Map<string, { c: unknown; ts: string }>();
  const keep = (found: { _id: unknown; c: unknown; ts: string }[]) => {
    for (const r of found.slice(0, PROBE)) rows.set(String(r._id), r);
  };
  // A typed number reads its complaint, and the complaints whose text mentions it.
  if (num) keep(await searchProbe(audience, num));
  let partial = true;
  for (const term of rarestFirst(tokens).slice(0, PROBES)) {
    const found = await searchProbe(audience, term);
    keep(found);
    if (found.length <= PROBE) {
      partial = false;
      break;
    }
  }
  const words = normal(q).match(CJK_RUN) ?? [];
  const hits = [...rows.values()]
    .filter((r) => {
      const c = r.c as ComplaintRecord;
      if (num && normal(c.number) === num) return true;
      const held = new Set(complaintTerms(c));
      return tokens.every((t) => held.has(t));
    })
    .sort((a, b) => (a.ts < b.ts ? 1 : -1))
    // A typed number is marked whole, not as its three parts.
    .map((r) => rank(r.c as ComplaintRecord, q, words, num ? [num, ...tokens] : tokens))
    .sort((a, b) => Number(b.exactNumber) - Number(a.exactNumber) || b.matchedWords - a.matchedWords);
  return { hits: hits.slice(0, limit), partial };
}
