// What of a bulk job leaves the server: its progress and each complaint's result (its owner only).
import type { BulkAction, BulkJob } from '../../shared/schemas/bulk.js';
import type { BulkJobRecord } from '../models/BulkJob.js';
import type { BulkResultRecord } from '../models/BulkResult.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentBulkJob(job: BulkJobRecord, results: BulkResultRecord[]): BulkJob {
  const done = results.filter((r) => r.outcome === 'done').length;
  return {
    id: String(job._id),
    action: job.action as BulkAction,
    status: job.status as BulkJob['status'],
    total: job.total,
    done,
    skipped: results.length - done,
    results: results.map((r) => ({
      complaintId: r.complaintId,
      number: r.number,
      outcome: r.outcome as 'done' | 'skipped',
      ...(r.reason ? { reason: r.reason } : {}),
    })),
    ...(job.exportKey ? { exportUrl: `/api/bulk-jobs/${String(job._id)}/export.csv` } : {}),
    createdAt: iso(job.createdAt),
    ...(job.finishedAt ? { finishedAt: iso(job.finishedAt) } : {}),
  };
}
