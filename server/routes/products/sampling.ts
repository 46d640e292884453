// Sampling-result import (multipart CSV → 202 with a job id) and the job's progress.
import { z } from 'zod';
import { idParam, objectId, offsetCursor, page } from '../../../shared/schemas/common.js';
import { importJobSchema, importStarted, samplingResultSchema } from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { badRequest, notFound } from '../../http/errors.js';
import { fileUpload } from '../../http/multipart.js';
import { offsetPage } from '../../http/paginate.js';
import { ImportJobModel } from '../../models/ImportJob.js';
import { SamplingResultModel } from '../../models/SamplingResult.js';
import { startSamplingImport } from '../../commands/importSampling.js';
import { presentImportJob, presentSampling } from '../../presenters/products.js';
import { regionFor } from '../../policies/index.js';
import { seesImportJob } from '../../policies/products.js';
import { codesUnder } from '../../products/visibility.js';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

const samplingQuery = z.object({
  productId: objectId.optional(),
  passed: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: offsetCursor,
});

export const samplingRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/sampling-results/import',
      summary: 'Import supervisory sampling results (CSV, UTF-8 or GB18030)',
      tag: 'products',
      policy: 'sampling:import',
      rateLimit: 'upload',
      status: 202,
      before: fileUpload({ fileSize: MAX_CSV_BYTES }),
      response: importStarted,
    },
    async ({ req, actor }) => {
      const file = req.file;
      if (!file || file.size === 0) throw badRequest('Attach the CSV as the multipart field "file"');
      return { jobId: await startSamplingImport(file, actor!) };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/import-jobs/:id',
      summary: 'Progress and line errors of an import',
      tag: 'products',
      policy: 'import-job:read',
      params: idParam,
      response: importJobSchema,
    },
    async ({ actor, params }) => {
      const job = await ImportJobModel.findById(params.id).lean();
      if (!job || !seesImportJob(actor, job)) throw notFound('Import job');
      return presentImportJob(job);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/sampling-results',
      summary: 'Sampling results in the region',
      tag: 'products',
      policy: 'sampling:list',
      query: samplingQuery,
      response: page(samplingResultSchema),
    },
    async ({ actor, query }) => {
      const region = regionFor(actor);
      const filter: Record<string, unknown> = {};
      if (query.productId) filter.productId = query.productId;
      if (query.passed) filter.passed = query.passed === 'true';
      if (region !== '33') filter.regionCode = { $in: await codesUnder(region) };
      return offsetPage(
        query,
        (skip, limit) => SamplingResultModel.find(filter).sort({ sampledOn: -1, _id: 1 }).skip(skip).limit(limit).lean(),
        presentSampling,
      );
    },
  ),
];
