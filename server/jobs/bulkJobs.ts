// Runs bulk jobs, durably: the job row is the record of what is owed (status 'running'), each
// complaint's result is a row unique per (job, complaint), so nothing lives only in memory.
//  - the request that creates a job hands it to this process's queue at once;
//  - on start and periodically the job below picks up every job still running (a crash, a restart);
//  - whoever runs a job first claims `bulk-job:<id>:<try>` by a unique insert and keeps the claim
//    fresh while it works; a claim older than LEASE_MS belonged to a runner that died, and the next
//    try is claimed instead. A resumed job skips the complaints that already have a result.
// Progress goes to the officer's room as `bulk:progress` after every complaint.
import { rooms } from '../../shared/realtime.js';
import type { BulkAction } from '../../shared/schemas/bulk.js';
import type { Locale } from '../../shared/enums.js';
import { now } from '../clock.js';
import { applyBulkItem, type BulkParams } from '../commands/bulkItem.js';
import { complaintsCsv } from '../complaints/csv.js';
import { findByIds } from '../db/byIds.js';
import { logger } from '../logger.js';
import { BulkJobModel, type BulkJobRecord } from '../models/BulkJob.js';
import { BulkResultModel } from '../models/BulkResult.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { JobRunModel } from '../models/JobRun.js';
import { UserModel } from '../models/User.js';
import { toActor } from '../policies/actor.js';
import { emitTo } from '../realtime/emit.js';
import { storage } from '../storage/index.js';
import { claim } from './claim.js';
import type { Job } from './scheduler.js';
import { firstWriter } from '../db/firstWriter.js';

export const BULK_JOB = 'bulk-jobs';
const CLAIM_JOB = 'bulk-job';
const LEASE_MS = 30_000;
/** The claim is refreshed this often while a job runs, well inside the lease. */
const HEARTBEAT_MS = 5_000;

const claimKey = (id: unknown, attempt: number) => `${CLAIM_JOB}:${String(id)}:${attempt}`;
const owned = new Set<string>();
let chain: Promise<void> = Promise.resolve();
const idle = new Set<() => void>();

/** Claims the job's current try, or the next one when the holder of the current one is gone. */
async function claimJob(job: BulkJobRecord): Promise<string | null> {
  const attempt = job.try ?? 0;
  if (await claim(claimKey(job._id, attempt), CLAIM_JOB)) return claimKey(job._id, attempt);
  const held = await JobRunModel.findOne({ key: claimKey(job._id, attempt) }, { at: 1 }).lean();
  if (held && now().getTime() - new Date(held.at).getTime() < LEASE_MS) return null;
  // Recorded first, so another runner looking now claims the same next try (and one of us wins it).
  await BulkJobModel.updateOne({ _id: job._id, status: 'running' }, { $set: { try: attempt + 1 } });
  return (await claim(claimKey(job._id, attempt + 1), CLAIM_JOB)) ? claimKey(job._id, attempt + 1) : null;
}

function progress(job: BulkJobRecord, done: number, skipped: number, status: 'running' | 'done'): void {
  emitTo([rooms.user(String(job.ownerId))], 'bulk:progress', { jobId: String(job._id), done, skipped, total: job.total, status });
}

/** The export's CSV of every complaint done, in the officer's language, kept in file storage. */
async function writeExport(job: BulkJobRecord, doneIds: string[], locale: Locale): Promise<string> {
  const rows = await findByIds<ComplaintRecord>(ComplaintModel, doneIds);
  const order = new Map(doneIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(String(a._id))! - order.get(String(b._id))!);
  return storage().put(Buffer.from(complaintsCsv(rows, locale), 'utf8'), { contentType: 'text/csv' });
}

async function runJob(job: BulkJobRecord): Promise<void> {
  const key = await claimJob(job);
  if (!key) return;
  try {
    const owner = await UserModel.findById(job.ownerId).lean();
    const actor = owner ? toActor(owner as never) : null;
    const results = await BulkResultModel.find({ jobId: job._id }, { outcome: 1, complaintId: 1 }).lean();
    const seen = new Set(results.map((r) => r.complaintId));
    let done = results.filter((r) => r.outcome === 'done').length;
    let skipped = results.length - done;
    let beat = Date.now();
    for (const item of job.items as { id: string; version: number }[]) {
      if (seen.has(item.id)) continue;
      if (Date.now() - beat > HEARTBEAT_MS) {
        await JobRunModel.updateOne({ key }, { $set: { at: now() } });
        beat = Date.now();
      }
      const r = actor
        ? await applyBulkItem(actor, job.action as BulkAction, item, job.params as BulkParams)
        : { outcome: 'skipped' as const, reason: 'forbidden', number: '' };
      const stored = BulkResultModel.create({
        _id: `${String(job._id)}:${item.id}`,
        jobId: job._id,
        complaintId: item.id,
        ...r,
        at: now(),
      });
      // Losing: another runner stored it first (a lease taken over from a slow, not dead, runner).
      if (!(await firstWriter(stored))) continue;
      if (r.outcome === 'done') done++;
      else skipped++;
      progress(job, done, skipped, 'running');
    }
    let exportKey: string | undefined;
    if (job.action === 'export') {
      const ok = await BulkResultModel.find({ jobId: job._id, outcome: 'done' }, { complaintId: 1 }).lean();
      exportKey = await writeExport(
        job,
        ok.map((r) => r.complaintId),
        (owner?.locale ?? 'zh-CN') as Locale,
      );
    }
    await BulkJobModel.updateOne({ _id: job._id }, { $set: { status: 'done', finishedAt: now(), ...(exportKey ? { exportKey } : {}) } });
    progress(job, done, skipped, 'done');
  } catch (err) {
    logger.error({ err, job: String(job._id) }, 'bulk job failed; it is resumed');
    // The next pass claims it again at once rather than after the lease.
    await JobRunModel.deleteOne({ key }).catch(() => undefined);
  }
}

/** Runs a job in this process, one job at a time (jobs already queued or running here are skipped). */
export function startBulkJob(job: BulkJobRecord): void {
  const id = String(job._id);
  if (owned.has(id)) return;
  owned.add(id);
  chain = chain
    .then(() => runJob(job))
    .finally(() => {
      owned.delete(id);
      if (!owned.size) for (const w of [...idle]) w();
    });
}

/** Resolves when this process runs no bulk job (tests, shutdown). */
export function bulkJobsSettled(): Promise<void> {
  if (!owned.size) return Promise.resolve();
  return new Promise((resolve) => {
    const w = () => (idle.delete(w), resolve());
    idle.add(w);
  });
}

/** Queues every job still running (on start, then periodically). */
export async function resumeBulkJobs(): Promise<number> {
  const running = (await BulkJobModel.find({ status: 'running' }).limit(50).lean()) as BulkJobRecord[];
  running.forEach(startBulkJob);
  return running.length;
}

export const bulkJobsJob: Job = { name: BULK_JOB, everyMs: 10_000, run: () => resumeBulkJobs() };
