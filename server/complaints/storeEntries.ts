// Writes the list read model for one projection change: the count deltas (their ids make a replay
// add nothing) and the complaint's entry row. Every call for the same change writes the same.
import { addDeltas, writeTally, type Tally } from '../counts/ledger.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { now } from '../clock.js';
import { insertFresh } from '../db/directWrites.js';
import { groupInsert } from '../db/groupInsert.js';
import { addComplaintCounts, complaintEntry, entryCountDeltas, type EntryRow, type EntrySource } from './entries.js';
import { firstWriter } from '../db/firstWriter.js';

export async function storeEntries(before: EntrySource | null, after: EntrySource, at = now()): Promise<void> {
  await Promise.all([addDeltas(entryCountDeltas(before, after, at)), writeNewerEntryRow(after)]);
}

/**
 * A new complaint's (version 1, its filing's): the row inserted with concurrent filings' rows
 * (server/db/groupInsert.ts) instead of an upsert each. A row there already was written by a retry's
 * repair from the same events (the same row, or a newer one): it is kept.
 */
export async function storeNewEntries(after: EntrySource, at = now()): Promise<void> {
  const insertRow = firstWriter(groupInsert(ComplaintEntryModel.collection as never, [complaintEntry(after)], { ignoreUndefined: true }));
  await Promise.all([addDeltas(entryCountDeltas(null, after, at)), insertRow]);
}

/**
 * The row, unless a newer version of it is stored already: a slow writer of version v (or a repair
 * after a crash) must not put back a row that v+1 replaced. A newer row makes the filter miss and the
 * upsert clash on the _id, which is the answer "keep it".
 */
export async function writeNewerEntryRow(after: EntrySource): Promise<void> {
  const row = complaintEntry(after);
  await firstWriter(
    ComplaintEntryModel.collection.replaceOne({ _id: row._id, version: { $lte: row.version } } as never, row as never, {
      upsert: true,
      ignoreUndefined: true,
    }),
  );
}

/** The row alone (the deltas are the caller's business): used by the rebuild, which recounts. */
export async function writeEntryRow(after: EntrySource): Promise<void> {
  const row = complaintEntry(after);
  await ComplaintEntryModel.collection.replaceOne({ _id: row._id } as never, row as never, { upsert: true, ignoreUndefined: true });
}

/**
 * Newly inserted complaints in bulk (seeders): their rows, and their count deltas, added to `tally`
 * when the caller writes one for its whole load, else written as one delta row per audience.
 */
export async function insertEntries(docs: EntrySource[], at = now(), tally?: Tally): Promise<void> {
  if (!docs.length) return;
  const rows = docs.map(complaintEntry);
  await insertFresh(ComplaintEntryModel.collection, rows, { ignoreUndefined: true });
  const own: Tally = tally ?? new Map();
  tallyEntries(docs, own, rows);
  if (!tally) await writeTally(own, String(docs[0]!._id), at);
}

/**
 * The count deltas of newly inserted complaints, added to a load's tally (pure: the seeder's workers
 * run it): each complaint's counts straight into the tally, without a delta row or a map per complaint
 * between. `rows`: their entries, when the caller has made them (each costs its search terms).
 */
export function tallyEntries(docs: EntrySource[], tally: Tally, rows?: EntryRow[]): void {
  docs.forEach((c, i) => addComplaintCounts(tally, c, 1, rows?.[i]));
}
