// The nightly open-data export: every published complaint and the per-merchant, per-city and
// per-county counts of them, as CSV (UTF-8 with BOM, formula-guarded: server/http/csv.ts) and JSON
// Lines, stored under server/storage and kept for KEEP_DAYS.
//  - Once per night: the export's row is inserted under its unique Shanghai `day` before any work, so
//    of several instances (or a scheduler tick and a manual run) exactly one makes it.
//  - A run whose instance died leaves a `running` row: after LEASE_MS the next run takes it over by
//    claiming `<day>:<attempt + 1>` (a unique insert, server/jobs/claim.ts) and starts again, the
//    dead attempt's figures removed first.
//  - Exports older than KEEP_DAYS are deleted with their files and figures by the same job.
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { FIGURE_COUNTS, type ExportFile, type FigureCount, type FigureLevel, type OpenDataFigure } from '../../shared/schemas/openData.js';
import type { PublicComplaint } from '../../shared/schemas/disclosure.js';
import { csvDocument } from '../http/csv.js';
import { claim } from '../jobs/claim.js';
import type { Job } from '../jobs/scheduler.js';
import { logger } from '../logger.js';
import { OpenDataExportModel, type OpenDataExportRecord } from '../models/OpenDataExport.js';
import { OpenDataFigureModel } from '../models/OpenDataFigure.js';
import { PublicComplaintModel, type PublicComplaintRecord } from '../models/PublicComplaint.js';
import { regionName } from '../regions/names.js';
import { presentPublicComplaint } from '../disclosure/present.js';
import { storage } from '../storage/index.js';
import { firstWriter } from '../db/firstWriter.js';

export const OPEN_DATA_JOB = 'open-data-export';
export const KEEP_DAYS = 30;
/** The export runs from this hour of the Shanghai night on (the day's records are all in by then). */
export const EXPORT_HOUR = 2;
const LEASE_MS = 60 * 60_000;
const BATCH = 1000;

const scopeOf = (exportId: unknown, level: FigureLevel) => `${String(exportId)}:${level}`;

/** The hour of `at` in Shanghai (UTC+8 all year). */
const shanghaiHour = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCHours();

/** One row of complaints.csv; the JSON Lines file carries the same record as the API presents it. */
const COMPLAINT_COLUMNS: [string, (c: PublicComplaint) => unknown][] = [
  ['id', (c) => c.id],
  ['merchant_id', (c) => c.merchantId],
  ['merchant_name', (c) => c.merchantName],
  ['store_id', (c) => c.storeId],
  ['store_name', (c) => c.storeName],
  ['city_code', (c) => c.cityCode],
  ['city_name', (c) => regionName(c.cityCode)],
  ['county_code', (c) => c.countyCode],
  ['county_name', (c) => regionName(c.countyCode)],
  ['category', (c) => c.category],
  ['problem_type', (c) => c.problemType],
  ['demand_type', (c) => c.demand.type],
  ['demand_amount_yuan', (c) => (c.demand.amountFen != null ? (c.demand.amountFen / 100).toFixed(2) : '')],
  ['outcome', (c) => c.outcome],
  ['remedy_status', (c) => c.remedyStatus ?? ''],
  ['filed_on', (c) => c.filedOn],
  ['closed_on', (c) => c.closedOn ?? ''],
  ['published_at', (c) => c.publishedAt],
  ['merchant_comment', (c) => c.merchantComment?.text ?? ''],
  ['description', (c) => c.description ?? ''],
];

const FIGURE_COLUMNS: [string, (f: OpenDataFigure) => unknown][] = [
  ['level', (f) => f.level],
  ['key', (f) => f.key],
  ['name', (f) => f.name],
  ['name_en', (f) => f.nameEn],
  ...FIGURE_COUNTS.map((k): [string, (f: OpenDataFigure) => unknown] => [k.replace(/[A-Z]/g, (m) => '_' + m.toLowerCase()), (f) => f[k]]),
];

const zero = (): Record<FigureCount, number> => Object.fromEntries(FIGURE_COUNTS.map((k) => [k, 0])) as Record<FigureCount, number>;

/** What one published record adds to its merchant's and regions' counts. */
function countsOf(c: PublicComplaint): FigureCount[] {
  const out: FigureCount[] = ['published'];
  if (c.outcome === 'resolved') out.push('resolved');
  if (c.outcome === 'mediated') out.push('mediated');
  if (c.outcome === 'mediation_failed') out.push('mediationFailed');
  if (c.outcome === 'reopened') out.push('reopened');
  if (c.remedyStatus) out.push('remedyPromised');
  if (c.remedyStatus === 'confirmed') out.push('remedyConfirmed');
  if (c.remedyStatus === 'disputed') out.push('remedyDisputed');
  if (c.remedyStatus === 'overdue') out.push('remedyOverdue');
  if (c.merchantComment) out.push('merchantComments');
  return out;
}

class Tally {
  rows = new Map<string, OpenDataFigure>();
  add(level: FigureLevel, key: string, name: string, nameEn: string, c: PublicComplaint) {
    const id = `${level}:${key}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { level, key, name, nameEn, ...zero() }));
    for (const k of countsOf(c)) row[k]++;
  }
  of(level: FigureLevel) {
    return [...this.rows.values()].filter((r) => r.level === level);
  }
}

/** Every published record, in _id order, a batch at a time (a nightly read, never on a request). */
async function* publicRecords(): AsyncGenerator<PublicComplaintRecord[]> {
  let after: mongoose.Types.ObjectId | null = null;
  for (;;) {
    const batch = (await PublicComplaintModel.find(after ? { _id: { $gt: after } } : {})
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean()) as PublicComplaintRecord[];
    if (!batch.length) return;
    yield batch;
    after = batch[batch.length - 1]!._id;
  }
}

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r) + '\n').join('');
const csv = <T>(columns: [string, (r: T) => unknown][], rows: T[]) =>
  csvDocument([columns.map(([h]) => h), ...rows.map((r) => columns.map(([, f]) => f(r)))]);

/** Writes the files and figures of export `e`; returns the files it stored. */
async function build(e: OpenDataExportRecord) {
  const complaints: PublicComplaint[] = [];
  const tally = new Tally();
  for await (const batch of publicRecords())
    for (const r of batch) {
      const c = presentPublicComplaint(r);
      complaints.push(c);
      tally.add('merchant', c.merchantId, c.merchantName, c.merchantName, c);
      tally.add('city', c.cityCode, regionName(c.cityCode), regionName(c.cityCode, 'en'), c);
      tally.add('county', c.countyCode, regionName(c.countyCode), regionName(c.countyCode, 'en'), c);
    }
  const regions = [...tally.of('city'), ...tally.of('county')];
  const merchants = tally.of('merchant');
  const files: [ExportFile, string, number][] = [
    ['complaints.csv', csv(COMPLAINT_COLUMNS, complaints), complaints.length],
    ['complaints.jsonl', jsonl(complaints), complaints.length],
    ['merchants.csv', csv(FIGURE_COLUMNS, merchants), merchants.length],
    ['merchants.jsonl', jsonl(merchants), merchants.length],
    ['regions.csv', csv(FIGURE_COLUMNS, regions), regions.length],
    ['regions.jsonl', jsonl(regions), regions.length],
  ];
  // A dead attempt's figures go first, so a takeover never doubles a row.
  for (const level of ['merchant', 'city', 'county'] as const) await OpenDataFigureModel.deleteMany({ scope: scopeOf(e._id, level) });
  for (const level of ['merchant', 'city', 'county'] as const) {
    const rows = tally.of(level).map((f) => ({ ...f, scope: scopeOf(e._id, level) }));
    for (let i = 0; i < rows.length; i += BATCH) await OpenDataFigureModel.insertMany(rows.slice(i, i + BATCH));
  }
  const stored = [];
  for (const [name, text, rows] of files) {
    const bytes = Buffer.from(text, 'utf8');
    const contentType = name.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson';
    stored.push({ name, storageKey: await storage().put(bytes, { contentType }), bytes: bytes.length, rows });
  }
  return stored;
}

/** The export of `day` if this caller may make it: a fresh claim, or a takeover of a dead run. */
async function claimDay(day: string, at: Date): Promise<OpenDataExportRecord | null> {
  const fresh = new OpenDataExportModel({ day, state: 'running', attempt: 0, claimedAt: at });
  if (await firstWriter(fresh.save())) return fresh.toObject() as OpenDataExportRecord;
  const held = await OpenDataExportModel.findOne({ day }).lean<OpenDataExportRecord>();
  if (!held || held.state === 'done' || at.getTime() - new Date(held.claimedAt).getTime() < LEASE_MS) return null;
  const attempt = held.attempt + 1;
  if (!(await claim(`${OPEN_DATA_JOB}:${day}:${attempt}`, OPEN_DATA_JOB))) return null;
  await OpenDataExportModel.updateOne({ _id: held._id }, { $set: { attempt, claimedAt: at } });
  return { ...held, attempt, claimedAt: at };
}

/** Makes the export of the Shanghai day of `at` unless it exists; answers its day when this call made it. */
export async function runExport(at: Date): Promise<string | null> {
  const day = shanghaiDay(at);
  const e = await claimDay(day, at);
  if (!e) return null;
  const files = await build(e);
  await OpenDataExportModel.updateOne({ _id: e._id }, { $set: { state: 'done', files, finishedAt: new Date() } });
  logger.info({ day, files: files.map((f) => `${f.name}:${f.rows}`) }, 'open-data export made');
  return day;
}

/** Deletes exports older than KEEP_DAYS with their files and figures; answers how many went. */
export async function expireExports(at: Date): Promise<number> {
  const oldest = shanghaiDay(new Date(at.getTime() - KEEP_DAYS * 24 * 3600_000));
  // A month of rows at most: the whole list is read (a job, not a request).
  const old = (await OpenDataExportModel.find({}, { day: 1, files: 1 }).lean<OpenDataExportRecord[]>()).filter((e) => e.day < oldest);
  for (const e of old) {
    for (const f of e.files) await storage().delete(f.storageKey);
    for (const level of ['merchant', 'city', 'county'] as const) await OpenDataFigureModel.deleteMany({ scope: scopeOf(e._id, level) });
    await OpenDataExportModel.deleteOne({ _id: e._id });
  }
  return old.length;
}

export const openDataJob: Job = {
  name: OPEN_DATA_JOB,
  everyMs: 15 * 60_000,
  async run(at) {
    const expired = await expireExports(at);
    const made = shanghaiHour(at) >= EXPORT_HOUR ? await runExport(at) : null;
    return { made, expired };
  },
};

/** The newest finished export, if any (the figures API reads its rows). */
export async function latestExport(): Promise<OpenDataExportRecord | null> {
  return OpenDataExportModel.findOne({ state: 'done' }).sort({ day: -1 }).lean<OpenDataExportRecord>();
}

export { scopeOf };
