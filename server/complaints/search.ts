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
// with complaints holding every word whole. A page that does not is filled from the bigrams' months,
// newest first, when the complaints still missing all rank alike but for time, as many months as hold
// `searchTuning.pieceFilings` of the audience's filings per hit still missing (the months left are the
// answer's `nextCursor`, read on request); otherwise it is read again by the bigrams alone.
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
import { bucketsOf, type Bucket } from './listBuckets.js';
import { badRequest } from '../http/errors.js';
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
/**
 * `pieceFilings`: the audience's filings whose months one request reads by the bigrams, per hit the page
 * still lacks, for the complaints holding the words only apart: bounded by the page, not by the
 * audience's months, so its rows do not grow with the data (热水, in one complaint of 70, reads under a
 * row per hit lacking). Tests change it.
 */
export const searchTuning = { pieceFilings: 50 };
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

/**
 * Whether every complaint holding all of a query's tokens holds this word whole: the word is its own one
 * token (a Chinese word of one or two characters, a Latin word no longer than a stored prefix), and a
 * stored token is a piece of one field's text.
 */
const heldWhole = (word: string) => {
  const t = queryTokens(word);
  return t.length === 1 && t[0] === word;
};

export interface SearchPage {
  hits: SearchHit[];
  partial: boolean;
  /** The month from which older complaints holding the words only apart are still to be read, when the page stopped short of them. */
  nextCursor: string | null;
}

/**
 * The best `limit` hits, or with `cursor` (a `nextCursor` of this query) the complaints holding the words
 * only apart filed in that month or before, newest first.
 */
export async function searchComplaints(actor: Actor, q: string, limit: number, cursor?: string): Promise<SearchPage> {
  const { audience } = audienceFor(actor, undefined);
  const tokens = queryTokens(q);
  const num = numberTerm(q);
  if (!audience || !tokens.length) return { hits: [], partial: false, nextCursor: null };
  const words = normal(q).match(CJK_RUN) ?? [];
  const marks = num ? [num, ...tokens] : tokens;
  const rows = new Map<string, Row>();
  const hits = new Map<string, SearchHit>();
  // A continuation's page is the complaints holding the words only apart: the first page held every other.
  const shown = (h: SearchHit) => !cursor || h.matchedWords < words.length;
  const keep = (found: Row[]) => {
    for (const r of found) {
      const c = r.c as ComplaintRecord;
      rows.set(String(r._id), r);
      const held = new Set(complaintTerms(c));
      if (!(num && normal(c.number) === num) && !tokens.every((t) => held.has(t))) continue;
      const hit = rank(c, q, words, marks);
      if (shown(hit)) hits.set(String(r._id), hit);
    }
  };
  // A typed number reads its complaint, and the complaints whose text mentions it.
  const numbered = num ? searchProbe(audience, num).exec() : Promise.resolve([]);
  const counts = readCounts(audience);
  // Awaited below; a failure meanwhile is the search's only then.
  for (const p of [numbered, counts]) p.catch(() => undefined);
  let partial = false;
  let nextCursor: string | null = null;
  // Hits of the months read that no complaint of a month not read yet can outrank: those holding every
  // word whole (a number's rows are left out: they may be older than a month not read yet), and, once
  // every such complaint is known, every hit of the months read.
  const settled = new Set<string>();
  let settles = (h: SearchHit) => h.matchedWords === words.length;
  /**
   * Reads months newest first by `terms` (`only` those when given, else every month of filing; each month
   * with its rows among `cut`; the first round those holding `first` of the audience's filings) until
   * `limit` hits are settled or the months run out, or one month holds too many rows of every term tried
   * (partial).
   */
  const readMonths = async (
    terms: string[],
    { only, cut = Promise.resolve([]), first = FIRST_ROUND }: { only?: Bucket[]; cut?: Promise<Row[]>; first?: number } = {},
  ) => {
    const read = (month: string) => monthRows(audience, terms, month);
    const early = new Map(likelyNewest(now()).flatMap((m) => (!only || only.some((b) => b.value === m) ? [[m, read(m)] as const] : [])));
    // One not needed (the counts name other months, or the newer ones filled the page) is never awaited.
    for (const r of early.values()) r.catch(() => undefined);
    const months = only ?? filingMonths(await counts);
    const cutRows = await cut;
    keep((await numbered).slice(0, PROBE));
    let filed = 0;
    const before = settled.size;
    for (let i = 0, batch = nextBatch(months, first); i < months.length && !partial && settled.size < limit;) {
      const round = months.slice(i, i + batch);
      const results = await Promise.all(round.map((b) => early.get(b.value) ?? read(b.value)));
      for (const [k, m] of results.entries()) {
        // The months after the one that filled the page (or was too common to read whole) are left as if
        // never read: the answer is the same however the months were grouped into rounds.
        if (partial || settled.size >= limit) break;
        const monthRead = [...m.rows, ...cutRows.filter((r) => monthOf(r) === round[k]!.value)];
        keep(monthRead);
        for (const id of monthRead.map((r) => String(r._id))) {
          const h = hits.get(id);
          if (h && settles(h)) settled.add(id);
        }
        partial ||= !m.complete;
      }
      i += round.length;
      filed += round.reduce((n, b) => n + b.n, 0);
      // The filings that hold the hits still lacking at the rate found so far, none found counting as one:
      // a word that rare (none in FIRST_ROUND filings or more) reads every remaining month in the next round.
      const rate = Math.max(settled.size - before, 1);
      batch = nextBatch(months.slice(i), ((limit - settled.size) * filed) / rate);
    }
  };
  // By a phrase of a word first: every complaint holding the whole word holds it (or its terms were cut),
  // so once a page of such complaints is found in the newest months nothing else can rank among them,
  // and the rows read are the word's, not its bigrams' (热水壶: not every 热水器). A read that found
  // fewer than a page, every month read whole, found every complaint holding every word whole; the rest
  // of the page holds complaints with fewer words whole. When at most one word can be missing whole
  // (each other is its own token, held whole by every hit), those all rank alike but for time, so the
  // bigrams' months are read newest first until the page is full, as for the phrase (a hit of a month
  // read outranks every one of an older month). Otherwise (several words that may be missing, or a
  // phrase too common) the bigrams are read as before, from the start.
  const phrases = rarestFirst(phraseTerms(words));
  const byPhrase = phrases.length > 0 && (await phraseTermsHeld());
  const alikeButTime = words.filter((w) => !heldWhole(w)).length <= 1;
  /**
   * The complaints holding the words only apart, from the month `from` back: they rank alike but for
   * time, so a month read outranks every older one, and the page reads as many months as hold
   * `pieceFilings` of the audience's filings per hit it lacks; the months left are its `nextCursor`.
   */
  const readPieces = async (from?: string) => {
    settles = () => true;
    const months = filingMonths(await counts, from && `${from}-01`);
    const read = nextBatch(months, searchTuning.pieceFilings * (limit - settled.size));
    // From the newest month (the next newest is read beside it anyway): the page may lack only a few,
    // and the rate found there sizes the next round.
    await readMonths(rarestFirst(tokens), { only: months.slice(0, read), first: 1 });
    if (!partial && settled.size < limit && read < months.length) nextCursor = months[read]!.value;
  };
  let bigrams = !cursor;
  if (cursor) {
    // Issued only where the first page read by phrase found every whole match: the rest is pieces alone.
    if (!byPhrase || !alikeButTime) throw badRequest('This search has no older results to continue with');
    await readPieces(cursor);
  } else if (byPhrase) {
    const cut = searchProbe(audience, CUT_TERM).exec();
    cut.catch(() => undefined);
    await readMonths(phrases, { cut });
    const complete = !partial && (await cut).length <= PROBE;
    if (complete && settled.size >= limit) bigrams = false;
    else if (complete && alikeButTime) {
      // The phrase's other hits (fewer words whole) are found again in their months, or rank below the page.
      for (const id of hits.keys()) if (!settled.has(id)) hits.delete(id);
      await readPieces();
      bigrams = false;
    } else {
      partial = false;
      rows.clear();
      hits.clear();
      settled.clear();
    }
  }
  if (bigrams) await readMonths(rarestFirst(tokens));
  const ranked = [...hits.entries()]
    .sort(([a], [b]) => (rows.get(a)!.ts < rows.get(b)!.ts ? 1 : -1))
    .map(([, h]) => h)
    .sort((a, b) => Number(b.exactNumber) - Number(a.exactNumber) || b.matchedWords - a.matchedWords);
  return { hits: ranked.slice(0, limit), partial, nextCursor };
}
