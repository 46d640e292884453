// List entries written by older code lack counts that later code adds with every entry: the list's
// time buckets (listBuckets.ts: an entry of a large list is found only through its bucket's count) and
// the hotspot grid (rollup.ts, cellScope, v2) and the merchants' indices (merchantIndexCounts, v3),
// the public rankings (rankingCounts, v4). Once per database, at start, each such row gets what its
// writer did not add, and is rewritten with its buckets and the current counts version. Idempotent
// (the rows are rewritten from their own complaint copy, the deltas have fixed ids), so two processes
// starting at once do no harm; the claim recorded at the end spares later starts the scan, which
// FerretDB cannot answer from an index.
import { claim } from '../jobs/claim.js';
import { addDeltas, readAllCounts, readCounts } from '../counts/ledger.js';
import { PROVINCE_CODE } from '../../shared/regions.js';
import { hotspotCell, merchantIndexCounts, rankingCounts } from '../analytics/rollup.js';
import { JobRunModel } from '../models/JobRun.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { audiences, complaintEntry, ENTRY_COUNTS_VERSION, type EntrySource } from './entries.js';
import { bucketCounts, daysScope, isDaysScope } from './listBuckets.js';
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
      if (!r.tm) for (const [scope, d] of bucketCounts(entry)) deltas.push({ _id: `${scope}|${id}`, scope, d });
      if (c.day && c.week && cv < 2) {
        // The province's grid, as v2 wrote it: the cities' are copied from it afterwards (migrateScopes.ts).
        const [scope, d] = hotspotCell(c.countyCode.slice(0, 2), c.countyCode, c.product?.category, c.day, c.week);
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

const SPLIT_DONE = 'backfill:complaint-day-counts-by-month';
const AUDIENCE_SCOPE = /^(consumer|merchant|store|region|assignee|unassigned):/;
const DAY_KEY = /^(?:td|dd):(\d{4}-\d{2})-\d{2}\|/;

/**
 * Ledgers written before the day counts had a scope per month (listBuckets.ts `daysScope`) hold them
 * in the audience's own scope, which so grew with every day of complaints (about 3,500 of a region's
 * 4,800 keys at 50k complaints) and was read whole by every page, count and saved view. Once per
 * database, at start, each audience scope's day keys move to its month scopes: one delta taking them
 * off, one per month adding them, under fixed ids (a replay adds nothing). Writers of this version put
 * no day key in an audience's scope, so what is moved is all there is; the list reader adds any day
 * keys an audience's scope still holds to its month's (query.ts), so pages read right before and after.
 */
export async function splitDayCounts(): Promise<void> {
  if (await JobRunModel.exists({ key: SPLIT_DONE })) return;
  // Every complaint is in the province's audience: when its scope holds no day key, none does (a
  // fresh database, or one moved already), and the whole ledger need not be read.
  if (!Object.keys(await readCounts(audiences.region(PROVINCE_CODE))).some((k) => DAY_KEY.test(k))) {
    await claim(SPLIT_DONE, 'backfill');
    return;
  }
  const moves: { _id: string; scope: string; d: Record<string, number> }[] = [];
  for (const [scope, n] of await readAllCounts()) {
    if (!AUDIENCE_SCOPE.test(scope) || isDaysScope(scope)) continue;
    const off: Record<string, number> = {};
    const on = new Map<string, Record<string, number>>();
    for (const [k, v] of Object.entries(n)) {
      const month = DAY_KEY.exec(k)?.[1];
      if (!month || !v) continue;
      off[k] = -v;
      const to = daysScope(scope, month);
      on.set(to, { ...on.get(to), [k]: v });
    }
    if (!on.size) continue;
    moves.push({ _id: `${scope}|days-split`, scope, d: off }, ...[...on].map(([to, d]) => ({ _id: `${to}|days-split`, scope: to, d })));
  }
  for (let i = 0; i < moves.length; i += 1000) await addDeltas(moves.slice(i, i + 1000));
  await claim(SPLIT_DONE, 'backfill');
}
