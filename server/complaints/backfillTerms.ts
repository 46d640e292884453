// List entries written before their search terms carried the month of filing hold `terms` instead of
// `tt` (searchTerms.ts `entryTerms`): once per database, at start, each gets `tt` from its own terms
// and month, and loses `terms`. Rewriting each row from its complaint copy went about 30 rows a second
// under load (hours at 200k complaints), so the rows are read once, in one pass, and updated in bulk,
// unordered, several commands at once. Idempotent and resumable: a row with `tt` is neither read nor
// updated again (nor one a live writer replaced meanwhile), so a stop halfway leaves the rest to the
// next start; the claim recorded at the end spares later starts the scan. The old `terms` index stays
// declared in the engine's metadata (FerretDB cannot drop an index whose btree pgIndexes.ts dropped), so
// its GIN companion stays too: it holds one empty entry per row, no row having the field.
import { claim, heldClaim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { logger } from '../logger.js';
import { entryTerms, monthTerm, type TermSource } from './searchTerms.js';

const DONE = 'backfill:complaint-entry-month-terms';
/** Rows updated per step (one progress line each). */
const STEP = 1000;

// The driver's, not the model's: the model's casting would drop `terms`, no longer in its schema.
export type Op = { updateOne: { filter: Record<string, unknown>; update: Record<string, unknown> } };

/**
 * Records that every entry holds `tt`. A database seeded from empty calls it first: what it writes is
 * current, and its first start would otherwise scan every entry for none (15–26 s for the demo's 5,380
 * under load; FerretDB cannot push `$exists` down).
 */
export const entriesHoldMonthTerms = () => claim(DONE, 'backfill');

/** Updates entries from a scan of them in bulk, STEP at a time (a progress line each); `opOf` null skips a row. */
export async function updateInSteps(
  rows: AsyncIterable<Record<string, unknown>>,
  opOf: (r: Record<string, unknown>) => Op | null,
  what: string,
): Promise<number> {
  const started = Date.now();
  const of = await ComplaintEntryModel.estimatedDocumentCount();
  let done = 0;
  let ops: Op[] = [];
  const flush = async () => {
    await bulkWriteInChunks(ComplaintEntryModel.collection as never, ops, 3);
    done += ops.length;
    ops = [];
    logger.info({ done, of, perSecond: Math.round((done * 1000) / (Date.now() - started)) }, what);
  };
  for await (const r of rows) {
    const op = opOf(r);
    if (op) ops.push(op);
    if (ops.length >= STEP) await flush();
  }
  if (ops.length) await flush();
  return done;
}

export async function backfillMonthTerms(): Promise<number> {
  if (await JobRunModel.exists({ key: DONE })) return 0;
  const done = await updateInSteps(
    ComplaintEntryModel.collection.find({ tt: { $exists: false } }, { projection: { terms: 1, tm: 1 } }),
    (r) => {
      const tt = ((r.terms as string[] | undefined) ?? []).map((t) => monthTerm(r.tm as string, t));
      return { updateOne: { filter: { _id: r._id, tt: { $exists: false } }, update: { $set: { tt }, $unset: { terms: '' } } } };
    },
    'list entries given month search terms',
  );
  await entriesHoldMonthTerms();
  return done;
}

const phrases = heldClaim('backfill:complaint-entry-phrase-terms', 'backfill');

/** Records that every entry holds its phrase terms: a database seeded from empty writes them. */
export const entriesHoldPhraseTerms = phrases.mark;

/** Whether every entry holds its phrase terms (searchTerms.ts `phraseTerms`): a search reads by phrase only then. */
export const phraseTermsHeld = phrases.held;

/**
 * Entries written before the phrase terms get them, from their own complaint copy, in one pass of bulk
 * updates (as above). Not awaited at start: until it is done a search reads by bigrams as before. A row
 * whose terms are current is not updated, nor one a live writer rewrote meanwhile (its version moved),
 * so a stop halfway costs the next start a scan, not the updates again.
 */
export async function backfillPhraseTerms(): Promise<number> {
  if (await phraseTermsHeld()) return 0;
  const done = await updateInSteps(
    ComplaintEntryModel.collection.find({}, { projection: { c: 1, tm: 1, tt: 1, version: 1 } }),
    (r) => {
      const tt = entryTerms(r.c as TermSource, r.tm as string);
      const had = (r.tt as string[] | undefined) ?? [];
      if (had.length === tt.length && had.every((t, i) => t === tt[i])) return null;
      return { updateOne: { filter: { _id: r._id, version: r.version }, update: { $set: { tt } } } };
    },
    'list entries given phrase search terms',
  );
  await entriesHoldPhraseTerms();
  return done;
}
