// Ranked full-text search of complaints, inside the searcher's visibility. Read: one equality on the
// audience and the query's rarest-looking term (server/search/tokens.ts) behind a month of filing
// (`tt`, searchTerms.ts), at most PROBE rows (the pushdown test explains exactly this read); the other
// terms are checked on those rows, then ranked. FerretDB reads every row the equalities select before
// it limits, and PostgreSQL fetches every row of the table the term selects before it checks the
// audience, so a read costs the month's rows holding the term (热水 in one month), not the table's;
// months are read newest first (the audience's ledger counts name them), a few at once, and the reading
// stops once `limit` hits match every query word whole: an older complaint cannot outrank them. When a month holds
// more than PROBE rows of a term the next rarest is tried; if every tried term is that common, the
// rows read are ranked and the answer says it is partial. A whole complaint number is its own term,
// stored without a month: it selects its complaint alone. A word of three characters or more is read
// first by one of its phrases (searchTerms.ts `phraseTerms`): a month's rows holding the word, not
// each of its bigrams' (热水壶's, not every 热水 and 水壶), which is all a page needs when it fills
// with complaints holding every word whole; only a page that does not falls back to the bigrams.
import type { Highlight, SearchField } from '../../shared/schemas/complaintSearch.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { readCounts } from '../counts/ledger.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import type { Actor } from '../policies/index.js';
import { queryTokens, rarestFirst } from '../search/tokens.js';
import { highlight } from './highlight.js';
import { audienceFor, filingMonths } from './query.js';
import { complaintTerms, CUT_TERM, monthTerm, numberTerm, phraseTerms } from './searchTerms.js';
import { phraseTermsHeld } from './backfillTerms.js';
import { bucketsOf } from './listBuckets.js';
import { now } from '../clock.js';

const PROBE = 100;
const PROBES = 3;
/** Months read at once, at most: a year of the audience's filings, so a rare word's months are one round. */
const PARALLEL = 12;
/**
 * The audience's filings the first round reads at least (its newest months): the newest month may be a
 * day old and hold a handful, and a round costs a round trip after the last. About a city's month at
 * 20k complaints, where a common word (热水 is in one complaint of 70) finds several hits.
 */
const FIRST_ROUND = 500;
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

/** A month's rows holding the first of `terms` (rarest first) that it holds at most PROBE of (up to PROBES tried); complete: one was. */
async function monthRows(audience: string, terms: string[], month: string): Promise<{ rows: Row[]; complete: boolean }> {
  const rows: Row[] = [];
  for (const term of terms.slice(0, PROBES)) {
    const found = await searchProbe(audience, term, month);
    rows.push(...found.slice(0, PROBE));
    if (found.length <= PROBE) return { rows, complete: true };
  }
  return { rows, complete: false };
}

/** The month of filing of a row (its `ts` starts with the filing time). */
const monthOf = (r: Row) => bucketsOf(Number(r.ts.slice(0, 15))).month;

/** How many of the next months (newest first) to read at once: as many as hold `filings` complaints of the audience, at least one. */
function nextBatch(months: { n: number }[], filings: number): number {
  let k = 0;
  for (let n = 0; k < months.length && k < PARALLEL && n < filings; k++) n += months[k]!.n;
  return Math.max(k, 1);
}

/**
 * The audience's newest months of filing before its counts tell them: this month and the last
 * (Shanghai), read beside the counts, so a search waits for the counts or those reads, not for one then
 * the other. A month that holds none of the audience's filings reads nothing.
 */
function likelyNewest(at: Date): string[] {
  const month = bucketsOf(at).month;
  const [y, m] = month.split('-').map(Number);
  return [month, new Date(Date.UTC(y!, m! - 2, 1)).toISOString().slice(0, 7)];
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
  const numbered = num ? searchProbe(audience, num).exec() : Promise.resolve([]);
  const counts = readCounts(audience);
  // Awaited below; a failure meanwhile is the search's only then.
  for (const p of [numbered, counts]) p.catch(() => undefined);
  let partial = false;
  // Hits of the months read that hold every word whole: each outranks every complaint of an older month.
  // (A number's rows are left out: they may be older than a month not read yet.)
  const whole = new Set<string>();
  /**
   * Reads months newest first by `terms` (each month with its rows among `cut`) until `limit` hits hold
   * every word whole or the months run out, or one month holds too many rows of every term tried (partial).
   */
  const readMonths = async (terms: string[], cut: Promise<Row[]> = Promise.resolve([])) => {
    const read = (month: string) => monthRows(audience, terms, month);
    const early = new Map(likelyNewest(now()).map((m) => [m, read(m)]));
    // One not needed (the counts name other months, or the newer ones filled the page) is never awaited.
    for (const r of early.values()) r.catch(() => undefined);
    const months = filingMonths(await counts);
    const cutRows = await cut;
    keep((await numbered).slice(0, PROBE));
    let filed = 0;
    for (let i = 0, batch = nextBatch(months, FIRST_ROUND); i < months.length && !partial && whole.size < limit;) {
      const round = months.slice(i, i + batch);
      const results = await Promise.all(round.map((b) => early.get(b.value) ?? read(b.value)));
      for (const [k, m] of results.entries()) {
        // The months after the one that filled the page (or was too common to read whole) are left as if
        // never read: the answer is the same however the months were grouped into rounds.
        if (partial || whole.size >= limit) break;
        const monthRead = [...m.rows, ...cutRows.filter((r) => monthOf(r) === round[k]!.value)];
        keep(monthRead);
        for (const id of monthRead.map((r) => String(r._id))) if (hits.get(id)?.matchedWords === words.length) whole.add(id);
        partial ||= !m.complete;
      }
      i += round.length;
      filed += round.reduce((n, b) => n + b.n, 0);
      // The filings that hold the hits still lacking at the rate found so far, none found counting as one:
      // a word that rare (none in FIRST_ROUND filings or more) reads every remaining month in the next round.
      batch = nextBatch(months.slice(i), ((limit - whole.size) * filed) / Math.max(whole.size, 1));
    }
  };
  // By a phrase of a word first: every complaint holding the whole word holds it (or its terms were cut),
  // so once a page of such complaints is found in the newest months nothing else can rank among them,
  // and the rows read are the word's, not its bigrams' (热水壶: not every 热水器). Otherwise (fewer whole
  // hits than a page, complaints holding only the pieces rank after them; or a phrase too common) the
  // bigrams are read as before, from the start.
  const phrases = rarestFirst(phraseTerms(words));
  let done = false;
  if (phrases.length && (await phraseTermsHeld())) {
    const cut = searchProbe(audience, CUT_TERM).exec();
    cut.catch(() => undefined);
    await readMonths(phrases, cut);
    done = !partial && (await cut).length <= PROBE && whole.size >= limit;
    if (!done) {
      partial = false;
      rows.clear();
      hits.clear();
      whole.clear();
    }
  }
  if (!done) await readMonths(rarestFirst(tokens));
  const ranked = [...hits.entries()]
    .sort(([a], [b]) => (rows.get(a)!.ts < rows.get(b)!.ts ? 1 : -1))
    .map(([, h]) => h)
    .sort((a, b) => Number(b.exactNumber) - Number(a.exactNumber) || b.matchedWords - a.matchedWords);
  return { hits: ranked.slice(0, limit), partial };
}
