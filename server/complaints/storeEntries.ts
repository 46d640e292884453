// Writes the list read model for one projection change: the count deltas (their ids make a replay
// add nothing) and the complaint's entry row. Every call for the same change writes the same.
import { addDeltas } from '../counts/ledger.js';
import { isDuplicateKey } from '../http/errors.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { now } from '../clock.js';
import { insertFresh } from '../db/directWrites.js';
import { complaintEntry, entryCountDeltas, type EntrySource } from './entries.js';

export async function storeEntries(before: EntrySource | null, after: EntrySource, at = now()): Promise<void> {
  await Promise.all([addDeltas(entryCountDeltas(before, after, at)), writeNewerEntryRow(after)]);
}

/**
 * The row, unless a newer version of it is stored already: a slow writer of version v (or a repair
 * after a crash) must not put back a row that v+1 replaced. A newer row makes the filter miss and the
 * upsert clash on the _id, which is the answer "keep it".
 */
export async function writeNewerEntryRow(after: EntrySource): Promise<void> {
  const row = complaintEntry(after);
  try {
    await ComplaintEntryModel.collection.replaceOne({ _id: row._id, version: { $lte: row.version } } as never, row as never, {
      upsert: true,
      ignoreUndefined: true,
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

/** The row alone (the deltas are the caller's business): used by the rebuild, which recounts. */
export async function writeEntryRow(after: EntrySource): Promise<void> {
  const row = complaintEntry(after);
  await ComplaintEntryModel.collection.replaceOne({ _id: row._id } as never, row as never, { upsert: true, ignoreUndefined: true });
}

/** Newly inserted complaints in bulk (seeders): their rows, and one delta row per audience for the whole batch. */
export async function insertEntries(docs: EntrySource[], at = now()): Promise<void> {
  if (!docs.length) return;
  const rows = docs.map(complaintEntry);
  await insertFresh(ComplaintEntryModel.collection, rows, { ignoreUndefined: true });
  const perScope = new Map<string, Record<string, number>>();
  for (const delta of docs.flatMap((c) => entryCountDeltas(null, c, at))) {
    const d = perScope.get(delta.scope) ?? {};
    for (const [k, v] of Object.entries(delta.d)) d[k] = (d[k] ?? 0) + v;
    perScope.set(delta.scope, d);
  }
  const batch = String(docs[0]!._id);
  await addDeltas([...perScope].map(([scope, d]) => ({ _id: `${scope}|bulk|${batch}`, scope, d, at })));
}
