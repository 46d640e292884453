// List entries written by older code lack counts that later code adds with every entry: the list's
// time buckets (listBuckets.ts: an entry of a large list is found only through its bucket's count) and
// the hotspot grid (rollup.ts, cellScope, v2) and the merchants' indices (merchantIndexCounts, v3),
// the public rankings (rankingCounts, v4). Once per database, at start, each such row gets what its
// writer did not add, and is rewritten with its buckets and the current counts version. Idempotent
// (the rows are rewritten from their own complaint copy, the deltas have fixed ids), so two processes
// starting at once do no harm; the claim recorded at the end spares later starts the scan, which
// FerretDB cannot answer from an index.
import { claim } from '../jobs/claim.js';
import { addDeltas } from '../counts/ledger.js';
import { hotspotCell, merchantIndexCounts, rankingCounts } from '../analytics/rollup.js';
import { JobRunModel } from '../models/JobRun.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { complaintEntry, ENTRY_COUNTS_VERSION, type EntrySource } from './entries.js';
import { bucketCountKeys } from './listBuckets.js';
import { writeNewerEntryRow } from './storeEntries.js';

const DONE = `backfill:complaint-entry-counts-v${ENTRY_COUNTS_VERSION}`;

export async function backfillEntryCounts(batch = 500): Promise<void> {
  if (await JobRunModel.exists({ key: DONE })) return;
  let after = '';
  for (;;) {
    const rows = await ComplaintEntryModel.find({ cv: { $ne: ENTRY_COUNTS_VERSION }, _id: { $gt: after } }, { c: 1, tm: 1, cv: 1 })
      .sort({ _id: 1 })
      .limit(batch)
      .lean();
    for (const r of rows) {
      const c = r.c as EntrySource;
      const entry = complaintEntry(c);
      const cv = (r.cv as number | undefined) ?? 1;
      // Each version's counts keep the delta id of the version that added them: a replay adds nothing.
      const id = `${entry._id}|counts-v2`;
      const deltas: { _id: string; scope: string; d: Record<string, number> }[] = [];
      if (!r.tm) {
        const d = Object.fromEntries(bucketCountKeys(entry).map((k) => [k, 1]));
        deltas.push(...entry.aud.map((scope) => ({ _id: `${scope}|${id}`, scope, d })));
      }
      if (c.day && c.week && cv < 2) {
        const [scope, d] = hotspotCell(c.countyCode, c.product?.category, c.day, c.week);
        deltas.push({ _id: `${scope}|${id}`, scope, d });
      }
      if (c.day && c.merchantId && cv < 3) {
        const [scope, d] = merchantIndexCounts(c as never);
        deltas.push({ _id: `${scope}|${entry._id}|counts-v3`, scope, d });
      }
      if (c.day && c.merchantId && cv < 4) {
        const [scope, d] = rankingCounts(c as never);
        deltas.push({ _id: `${scope}|${entry._id}|counts-v4`, scope, d });
      }
      await addDeltas(deltas);
      await writeNewerEntryRow(c);
    }
    if (rows.length < batch) break;
    after = String(rows[rows.length - 1]!._id);
  }
  await claim(DONE, 'backfill');
}
