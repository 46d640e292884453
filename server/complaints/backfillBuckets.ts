// List entries written before they carried their time buckets (listBuckets.ts) get them, with their
// bucket counts, once per database: a lists page of a large audience reads only the buckets its counts
// name, so an entry without them would not be listed. Idempotent (the rows are rewritten from their own
// complaint copy, the deltas have fixed ids), so two processes starting at once do no harm; the claim
// recorded at the end spares later starts the scan, which FerretDB cannot answer from an index.
import { claim } from '../jobs/claim.js';
import { addDeltas } from '../counts/ledger.js';
import { JobRunModel } from '../models/JobRun.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { complaintEntry, type EntrySource } from './entries.js';
import { bucketCountKeys } from './listBuckets.js';
import { writeNewerEntryRow } from './storeEntries.js';

const DONE = 'backfill:complaint-entry-buckets';

export async function backfillEntryBuckets(batch = 500): Promise<void> {
  if (await JobRunModel.exists({ key: DONE })) return;
  for (;;) {
    const rows = await ComplaintEntryModel.find({ tm: { $exists: false } }, { c: 1 })
      .limit(batch)
      .lean();
    for (const r of rows) {
      const entry = complaintEntry(r.c as EntrySource);
      const d = Object.fromEntries(bucketCountKeys(entry).map((k) => [k, 1]));
      await addDeltas(entry.aud.map((scope) => ({ _id: `${scope}|${entry._id}|buckets`, scope, d })));
      await writeNewerEntryRow(r.c as EntrySource);
    }
    if (rows.length < batch) break;
  }
  await claim(DONE, 'backfill');
}
