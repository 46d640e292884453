// Ranked full-text search of complaints, inside the searcher's visibility. Read: one equality on the
// audience and the query's rarest-looking term (server/search/tokens.ts) behind a month of filing
// (`tt`, searchTerms.ts), at most PROBE rows (the pushdown test explains exactly this read); the other
// terms are checked on those rows, then ranked. FerretDB reads every row the equalities select before
// it limits, and PostgreSQL fetches every row of the table the term selects before it checks the
// audience, so a read costs the month's rows holding the term (热水 in one month), not the table's;
// months are read newest first (the audience's ledger counts name them) and the reading stops once
// `limit` hits match every query word whole: an older complaint cannot outrank them. When a month holds
// more than PROBE rows of a term the next rarest is tried; if every tried term is that common, the
// rows read are ranked and the answer says it is partial. A whole complaint number is its own term,
// stored without a month: it selects its complaint alone.
import type { Highlight, SearchField } from '../../shared/schemas/complaintSearch.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { readCounts } from '../counts/ledger.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import type { Actor } from '../policies/index.js';
import { queryTokens, rarestFirst } from '../search/tokens.js';
import { highlight } from './highlight.js';
import { audienceFor, filingMonths } from './query.js';
import { complaintTerms, monthTerm, numberTerm } from './searchTerms.js';

const PROBE = 100;
const PROBES = 3;
/** Months read at once, at most. */
const PARALLEL = 8;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[^\s\p{P}\p{S}\u3400-\u9fff\uf900-\ufaff]+/gu;

/**
 * One read of the audience's rows holding `term` filed in `month` (a whole number: in any month), at
 * most PROBE + 1 (one more tells that there are more). No sort: no index can sort it (MongoDB indexes
 * one array per index, and `aud` and `tt` are both arrays); the rows are ranked, newest first among
 * equals, after the read.
 */
export function searchProbe(audience: string, term: string, month = '') {
  return ComplaintEntryModel.find({ aud: audience, tt: monthTerm(month, term) }, { c: 1, ts: 1 })
    .limit(PROBE + 1)
    .lean();
}

type Row = { _id: unknown; c: unknown; ts: string };

/** A month's rows holding the rarest term of `tokens` that it holds at most PROBE of (up to PROBES tried); complete: one was. */
async function monthRows(audience: string, tokens: string[], month: string): Promise<{ rows: Row[]; complete: boolean }> {
  const rows: Row[] = [];
  for (const term of rarestFirst(tokens).slice(0, PROBES)) {
    const found = await searchProbe(audience, term, month);
    rows.push(...found.slice(0, PROBE));
    if (found.length <= PROBE) return { rows, complete: true };
  }
  return { rows, complete: false };
}

/**
 * How many of the next months (newest first) to read at once: as many as hold `filings` complaints of
 * the audience (the hits still lacking at the rate found so far), at least one; twice the last round
 * while none was found (a rare query's months hold few rows each).
 */
function nextBatch(months: { n: number }[], filings: number, last: number): number {
  if (!Number.isFinite(filings)) return Math.min(last * 2, PARALLEL);
  let k = 0;
  for (let n = 0; k < months.length && k < PARALLEL && n < filings; k++) n += months[k]!.n;
  return Math.max(k, 1);
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
  const words = normal(q).match(CJK_RUN) ?? [];
  const marks = num ? [num, ...tokens] : tokens;
  const rows = new Map<string, Row>();
  const hits = new Map<string, SearchHit>();
  const keep = (found: Row[]) => {
    for (const r of found) {
      const c = r.c as ComplaintRecord;
      rows.set(String(r._id), r);
      const held = new Set(complaintTerms(c));
      if ((num && normal(c.number) === num) || tokens.every((t) => held.has(t))) hits.set(String(r._id), rank(c, q, words, marks));
    }
  };
  // A typed number reads its complaint, and the complaints whose text mentions it.
  if (num) keep((await searchProbe(audience, num)).slice(0, PROBE));
  const months = filingMonths(await readCounts(audience));
  let partial = false;
  // Hits of the months read that hold every word whole: each outranks every complaint of an older month.
  // (A number's rows are left out: they may be older than a month not read yet.)
  const whole = new Set<string>();
  let filed = 0;
  for (let i = 0, batch = 1; i < months.length && !partial && whole.size < limit;) {
    const round = months.slice(i, i + batch);
    for (const m of await Promise.all(round.map((b) => monthRows(audience, tokens, b.value)))) {
      keep(m.rows);
      for (const id of m.rows.map((r) => String(r._id))) if (hits.get(id)?.matchedWords === words.length) whole.add(id);
      partial ||= !m.complete;
    }
    i += round.length;
    filed += round.reduce((n, b) => n + b.n, 0);
    batch = nextBatch(months.slice(i), (limit - whole.size) / (whole.size / filed), round.length);
  }
  const ranked = [...hits.entries()]
    .sort(([a], [b]) => (rows.get(a)!.ts < rows.get(b)!.ts ? 1 : -1))
    .map(([, h]) => h)
    .sort((a, b) => Number(b.exactNumber) - Number(a.exactNumber) || b.matchedWords - a.matchedWords);
  return { hits: ranked.slice(0, limit), partial };
}
