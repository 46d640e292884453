// Bulk actions on the queue (issue #10, item 3): a durable job per request, its progress live over
// the socket (`bulk:progress`), its per-complaint results and an export's CSV for its officer.
import { idParam } from '../../../shared/schemas/common.js';
import { bulkInput, bulkJobSchema } from '../../../shared/schemas/bulk.js';
import { createBulkJob } from '../../commands/createBulkJob.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { pipeTo } from '../../http/stream.js';
import { readIdempotencyKey } from '../../http/idempotency.js';
import { BulkJobModel, type BulkJobRecord } from '../../models/BulkJob.js';
import { BulkResultModel, type BulkResultRecord } from '../../models/BulkResult.js';
import type { Actor } from '../../policies/index.js';
import { ownsBulkJob } from '../../policies/complaints.js';
import { presentBulkJob } from '../../presenters/bulk.js';
import { storage } from '../../storage/index.js';

const TAG = 'bulk actions';

async function ownJob(actor: Actor, id: string): Promise<BulkJobRecord> {
  const job = (await BulkJobModel.findById(id).lean()) as BulkJobRecord | null;
  if (!job || !ownsBulkJob(actor, job)) throw notFound('Bulk job');
  return job;
}

const resultsOf = async (job: BulkJobRecord) =>
  (await BulkResultModel.find({ jobId: job._id }).limit(job.total).lean()) as BulkResultRecord[];

export const bulkRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/bulk-jobs',
      summary: 'Assign, transfer, accept or export many complaints in one job (honours Idempotency-Key)',
      tag: TAG,
      policy: 'bulk:create',
      rateLimit: 'expensive',
      body: bulkInput,
      response: bulkJobSchema,
    },
    async ({ req, res, actor, body }) => {
      const { job, created } = await createBulkJob(actor!, body, readIdempotencyKey(req));
      if (!created) res.locals.status = 200;
      return presentBulkJob(job, await resultsOf(job));
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/bulk-jobs/:id',
      summary: 'A bulk job: its progress and each complaint’s result',
      tag: TAG,
      policy: 'bulk:read',
      params: idParam,
      response: bulkJobSchema,
    },
    async ({ actor, params }) => {
      const job = await ownJob(actor!, params.id);
      return presentBulkJob(job, await resultsOf(job));
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/bulk-jobs/:id/export.csv',
      summary: 'The CSV of a finished bulk export (UTF-8 with BOM)',
      tag: TAG,
      policy: 'bulk:read',
      params: idParam,
      raw: true,
    },
    async ({ actor, params, res }) => {
      const job = await ownJob(actor!, params.id);
      if (!job.exportKey) throw notFound('Export');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="complaints.csv"; filename*=UTF-8''${encodeURIComponent('批量导出.csv')}`);
      await pipeTo(await storage().get(job.exportKey), res);
    },
  ),
];
