// Recomputes every complaint document from its events and reports where the stored projection
// differed. The events are the truth; a difference means a crash between the two writes or a bug.
// The list read model follows: entry rows, per-audience counts and the dashboard's weekly figures are
// recomputed from the folds (the product top list from the complaint facts).
import { addDeltas, readAllCounts } from '../counts/ledger.js';
import { addCounts, productCounts, type ProductFact } from '../analytics/rollup.js';
import { addComplaintCounts, complaintEntry, ENTRY_COUNTS_VERSION } from '../complaints/entries.js';
import { differences, fold, type EventLike } from '../complaints/projection.js';
import { writeEntryRow } from '../complaints/storeEntries.js';
import { now } from '../clock.js';
import { UNREAD_SCOPE_PREFIX } from '../notifications/unread.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { UserModel } from '../models/User.js';
import { FlagEntryModel } from '../models/FlagEntry.js';
import { flagEntryCounts } from '../products/flagEntries.js';
import { ACCOUNTS_SCOPE, accountCounts } from '../accounts/numbers.js';
import { COUNTED, returnHistoryDeltas, type CountedReturn } from '../returns/counts.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';
import { PUBLIC_COUNTED, publicCounts } from '../disclosure/counts.js';
import { merchantRowsDiffering, syncMerchantRows } from '../stores/merchantRows.js';

export interface RebuildReport {
  checked: number;
  differing: { id: string; number?: string; paths: string[] }[];
  withoutEvents: string[];
  written: number;
  /** Complaints whose list entries were missing, stale or left over. */
  entriesDiffering: number;
  /** Audiences whose counts were off. */
  countsDiffering: number;
  /** Those scopes and what each lacked (+) or had too much (−), key by key. */
  scopesDiffering: { scope: string; d: Counts }[];
  /** Merchants whose public registry row differed from their organization and credit. */
  merchantRowsDiffering: number;
}

type Counts = Record<string, number>;
interface ReadModel {
  /** Stored entry id → version. */
  stored: Map<string, number>;
  expected: Set<string>;
  counts: Map<string, Counts>;
}

async function checkEntries(state: NonNullable<ReturnType<typeof fold>>, model: ReadModel, report: RebuildReport, write: boolean) {
  const row = complaintEntry(state as never);
  model.expected.add(row._id);
  addComplaintCounts(model.counts, state as never);
  if (model.stored.get(row._id) === row.version) return;
  report.entriesDiffering++;
  if (write) await writeEntryRow(state as never);
}

async function check(
  id: string,
  events: EventLike[],
  stored: Record<string, unknown> | undefined,
  report: RebuildReport,
  write: boolean,
  model: ReadModel,
) {
  report.checked++;
  const state = fold(events);
  if (!state) return;
  await checkEntries(state, model, report, write);
  // Compare what the model would store: cast the fold through the schema, as a write would.
  const cast = new ComplaintModel(state).toObject();
  const paths = stored ? differences(cast, stored).filter((p) => p !== '__v') : ['(missing)'];
  if (!paths.length) return;
  report.differing.push({ id, number: state.number as string, paths });
  if (write) {
    await ComplaintModel.replaceOne({ _id: state._id }, state, { upsert: true });
    report.written++;
  }
}

export async function rebuildProjections(opts: { write?: boolean } = {}): Promise<RebuildReport> {
  const write = opts.write ?? true;
  const report: RebuildReport = {
    checked: 0,
    differing: [],
    withoutEvents: [],
    written: 0,
    entriesDiffering: 0,
    countsDiffering: 0,
    scopesDiffering: [],
    merchantRowsDiffering: 0,
  };
  const model: ReadModel = { stored: new Map(), expected: new Set(), counts: new Map() };
  // A row written by older code (without its time buckets) is stale whatever its version.
  for await (const e of ComplaintEntryModel.find({}, { version: 1, cv: 1 }).lean().cursor())
    model.stored.set(e._id as string, e.cv === ENTRY_COUNTS_VERSION ? e.version : -1);
  // So is one whose search terms lack the month (server/complaints/backfillTerms.ts).
  for await (const e of ComplaintEntryModel.find({ tt: { $exists: false } }, { _id: 1 })
    .lean()
    .cursor())
    model.stored.set(e._id as string, -1);
  const stored = new Map<string, Record<string, unknown>>();
  for await (const c of ComplaintModel.find().lean().cursor()) stored.set(String(c._id), c as Record<string, unknown>);
  let current: string | null = null;
  let batch: EventLike[] = [];
  const seen = new Set<string>();
  for await (const e of ComplaintEventModel.find().sort({ complaintId: 1, seq: 1 }).lean().cursor()) {
    const id = String(e.complaintId);
    if (id !== current) {
      if (current) await check(current, batch, stored.get(current), report, write, model);
      current = id;
      batch = [];
      seen.add(id);
    }
    batch.push(e as unknown as EventLike);
  }
  if (current) await check(current, batch, stored.get(current), report, write, model);
  for await (const f of ComplaintFactModel.find({}, { countyCode: 1, category: 1, day: 1, week: 1, productId: 1 }).lean().cursor())
    addCounts(model.counts, productCounts(f as ProductFact));
  // The return desk's counts and the review's rollup (server/returns/counts.ts) are in the same ledger: recounted from the requests.
  for await (const r of ReturnRequestModel.find({}, COUNTED).lean().cursor())
    for (const { scope, d } of returnHistoryDeltas(r as CountedReturn)) addCounts(model.counts, new Map([[scope, d]]));
  // The admin's account totals (server/accounts/numbers.ts): every numbered account, by role.
  for await (const u of UserModel.find({ seq: { $exists: true } }, { role: 1 })
    .lean()
    .cursor())
    addCounts(model.counts, new Map([[ACCOUNTS_SCOPE, accountCounts(u.role)]]));
  // The flag lists' totals (server/products/flagEntries.ts): every list row where it is.
  for await (const row of FlagEntryModel.find({}, { aud: 1, band: 1, category: 1 }).lean().cursor()) {
    const counted = flagEntryCounts(row);
    if (counted) addCounts(model.counts, new Map([[counted.scope, counted.d]]));
  }
  // The public list's counts (server/disclosure/counts.ts): every published record, in each of its views.
  for await (const r of PublicComplaintModel.find({ day: { $exists: true } }, PUBLIC_COUNTED)
    .lean()
    .cursor())
    for (const { scope, d } of publicCounts(r as never)) addCounts(model.counts, new Map([[scope, d]]));
  for (const id of stored.keys()) if (!seen.has(id)) report.withoutEvents.push(id);
  await reconcileReadModel(model, report, write);
  // The public registry's rows (server/stores/merchantRows.ts), from the organizations and their credit.
  report.merchantRowsDiffering = await merchantRowsDiffering();
  if (write && report.merchantRowsDiffering) await syncMerchantRows();
  return report;
}

/** Removes entries no complaint accounts for and corrects every scope's counts with one delta row. */
async function reconcileReadModel(model: ReadModel, report: RebuildReport, write: boolean) {
  const extra = [...model.stored.keys()].filter((id) => !model.expected.has(id));
  if (extra.length) report.entriesDiffering += extra.length;
  if (write) for (let i = 0; i < extra.length; i += 5000) await ComplaintEntryModel.deleteMany({ _id: { $in: extra.slice(i, i + 5000) } });
  const ledger = await readAllCounts();
  const fixes: { _id: string; scope: string; d: Counts }[] = [];
  const stamp = now().getTime();
  for (const scope of new Set([...ledger.keys(), ...model.counts.keys()])) {
    if (scope.startsWith(UNREAD_SCOPE_PREFIX)) continue; // notifications' counts, not the complaints'
    const want = model.counts.get(scope) ?? {};
    const have = ledger.get(scope) ?? {};
    const d: Counts = {};
    for (const k of new Set([...Object.keys(want), ...Object.keys(have)]))
      if ((want[k] ?? 0) !== (have[k] ?? 0)) d[k] = (want[k] ?? 0) - (have[k] ?? 0);
    if (Object.keys(d).length) fixes.push({ _id: `${scope}|fix|${stamp}`, scope, d });
  }
  report.countsDiffering = fixes.length;
  report.scopesDiffering = fixes.map(({ scope, d }) => ({ scope, d }));
  if (write) await addDeltas(fixes);
}
