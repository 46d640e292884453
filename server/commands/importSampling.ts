// Sampling-result CSV import as a background job: every line is validated on its own, bad lines
// are reported with their line numbers while good ones are kept, and each result's rowKey makes
// a second import of the same file insert nothing.
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import type { z } from 'zod';
import { samplingRowSchema, type ImportLineError, type SamplingRow } from '../../shared/schemas/products.js';
import { normalizeToken, productKey } from '../../shared/productKey.js';
import { regionContains } from '../../shared/regions.js';
import { rooms, type ServerEventPayload } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { publish } from '../events/bus.js';
import { logger } from '../logger.js';
import { ImportJobModel } from '../models/ImportJob.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { emitTo } from '../realtime/emit.js';
import type { Actor } from '../policies/index.js';
import { decodeCsv, lineError, mapHeaders, readCsv, rowObject } from '../products/csv.js';
import { resolveProduct } from './resolveProduct.js';
import { firstWriter } from '../db/firstWriter.js';

const CHUNK = 100;

export function rowKey(r: SamplingRow): string {
  const identity = productKey(r) ?? `np:${r.category}:${normalizeToken(r.product)}:${normalizeToken(r.producer)}`;
  const parts = [identity, normalizeToken(r.batch), r.date, normalizeToken(r.authority)];
  return crypto.createHash('sha256').update(parts.join('|')).digest('hex');
}

/** Creates the job and starts it in the background; the caller answers 202 with the id. */
export async function startSamplingImport(file: { buffer: Buffer; originalname?: string }, actor: Actor): Promise<string> {
  const job = await ImportJobModel.create({
    userId: actor.id,
    regionCode: actor.regionCode ?? '33',
    fileName: file.originalname,
    status: 'queued',
  });
  const jobId = String(job._id);
  setImmediate(() => {
    runSamplingImport(jobId, file.buffer, actor).catch(async (err) => {
      logger.error({ err, jobId }, 'sampling import failed');
      await ImportJobModel.updateOne(
        { _id: jobId },
        { $set: { status: 'failed' }, $push: { lineErrors: lineError(0, 'stopped', 'the import stopped unexpectedly') } },
      );
      emitTo([rooms.user(actor.id)], 'import:progress', { jobId, done: 0, total: 0, status: 'failed' });
    });
  });
  return jobId;
}

async function resultDoc(r: SamplingRow, line: number, jobId: string, region: string) {
  const fallback = `np:${r.category}:${normalizeToken(r.product)}:${normalizeToken(r.producer)}`;
  const product = await resolveProduct(
    { name: r.product, category: r.category, gtin: r.gtin, brand: r.brand, model: r.model, producer: r.producer },
    fallback,
  );
  return {
    _id: new mongoose.Types.ObjectId(),
    rowKey: rowKey(r),
    productId: product!._id,
    productName: r.product,
    category: r.category,
    gtin: r.gtin,
    brand: r.brand,
    model: r.model,
    producer: r.producer,
    batch: r.batch,
    sampledOn: r.date,
    passed: r.result,
    failedItems: r.failedItems,
    authority: r.authority,
    regionCode: region,
    jobId: new mongoose.Types.ObjectId(jobId),
    line,
    importedAt: now(),
  };
}

/** One error per field of a line that failed validation, with a code the reader's language can name. */
function rowErrors(line: number, issues: z.core.$ZodIssue[]): ImportLineError[] {
  return issues.map((x) => {
    const field = x.path.length ? String(x.path[0]) : null;
    const code =
      x.code === 'too_big'
        ? 'too_long'
        : x.code === 'too_small' || (x.code === 'invalid_type' && x.input === undefined)
          ? 'required'
          : 'invalid';
    return lineError(line, code, `${field ?? 'row'}: ${x.message}`, field);
  });
}

/** Inserts one chunk; duplicates (same rowKey) are skipped, anything else is that line's error. */
async function insertChunk(docs: Awaited<ReturnType<typeof resultDoc>>[], errors: ImportLineError[]) {
  const inserted: typeof docs = [];
  let duplicates = 0;
  for (const d of docs) {
    try {
      if (await firstWriter(SamplingResultModel.create(d))) inserted.push(d);
      else duplicates++;
    } catch {
      errors.push(lineError(d.line, 'not_stored', 'could not be stored'));
    }
  }
  return { inserted, duplicates };
}

export async function runSamplingImport(jobId: string, buffer: Buffer, actor: Actor) {
  const { text, encoding } = decodeCsv(buffer);
  const { lines, errors } = await readCsv(text);
  const [header, ...rows] = lines;
  const progress = (done: number, total: number, status: ServerEventPayload<'import:progress'>['status']) =>
    emitTo([rooms.user(actor.id)], 'import:progress', { jobId, done, total, status });
  const { columns, missing } = header ? mapHeaders(header.cells) : { columns: {}, missing: ['header'] };
  if (missing.length) {
    const lineErrors = [
      lineError(header?.line ?? 1, 'missing_columns', `missing columns: ${missing.join(', ')}`, null, missing.join(', ')),
    ];
    await ImportJobModel.updateOne({ _id: jobId }, { $set: { status: 'failed', encoding, lineErrors } });
    return progress(0, 0, 'failed');
  }
  const total = rows.length;
  await ImportJobModel.updateOne({ _id: jobId }, { $set: { status: 'running', total, encoding } });
  progress(0, total, 'running');
  const own = actor.regionCode ?? '33';

  let inserted = 0;
  let duplicates = 0;
  const resultIds: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const docs = [];
    for (const { line, cells } of rows.slice(i, i + CHUNK)) {
      const parsed = samplingRowSchema.safeParse(rowObject(cells, columns));
      if (!parsed.success) {
        errors.push(...rowErrors(line, parsed.error.issues));
        continue;
      }
      const region = parsed.data.region ?? own;
      if (!regionContains(own, region)) {
        errors.push(lineError(line, 'outside_jurisdiction', `region: ${region} is outside your jurisdiction`, 'region', region));
        continue;
      }
      docs.push(await resultDoc(parsed.data, line, jobId, region));
    }
    const chunk = await insertChunk(docs, errors);
    inserted += chunk.inserted.length;
    duplicates += chunk.duplicates;
    resultIds.push(...chunk.inserted.map((d) => String(d._id)));
    const done = Math.min(total, i + CHUNK);
    await ImportJobModel.updateOne({ _id: jobId }, { $set: { done, inserted, duplicates } });
    progress(done, total, 'running');
  }
  errors.sort((a, b) => a.line - b.line);
  // Flag detection runs off this event before the job reports done, so a client that sees
  // "done" also sees the flags the import raised.
  // A failed check is logged by the bus; the scheduled sweep (jobs/flagDetection.ts) checks again.
  await publish('sampling.imported', { jobId, resultIds }).catch(() => undefined);
  await ImportJobModel.updateOne(
    { _id: jobId },
    { $set: { status: 'done', done: total, inserted, duplicates, lineErrors: errors.slice(0, 1000) } },
  );
  progress(total, total, 'done');
  return { total, inserted, duplicates, errors: errors.length };
}
