// Starts a bulk action: fixes its complaints (the chosen ones with the versions the officer saw, or
// every one the filter matches now, each at its current version), inserts the job unique per
// (officer, Idempotency-Key) — a retried request gets the job it already made — and hands it to the
// runner (server/jobs/bulkJobs.ts).
import mongoose from 'mongoose';
import { BULK_MAX, type BulkInput } from '../../shared/schemas/bulk.js';
import { now } from '../clock.js';
import { listComplaints } from '../complaints/query.js';
import { unprocessable } from '../http/errors.js';
import { startBulkJob } from '../jobs/bulkJobs.js';
import { BulkJobModel, type BulkJobRecord } from '../models/BulkJob.js';
import { RegionModel } from '../models/Region.js';
import { UserModel } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { isFellowOfficer } from '../policies/complaints.js';
import { firstWriter } from '../db/firstWriter.js';

type Item = { id: string; version: number };

/** Every complaint the filter matches now, newest first; more than BULK_MAX is refused. */
async function matching(actor: Actor, filter: NonNullable<BulkInput['filter']>): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await listComplaints(actor, { ...filter, sort: 'newest', limit: 100, cursor });
    out.push(...page.items.map((c) => ({ id: String(c._id), version: c.version })));
    if (out.length > BULK_MAX) throw unprocessable('too_many_items', `At most ${BULK_MAX} complaints at once; narrow the filter`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The same refusals a single action gives for its parameters, before any complaint is touched. */
async function checkParams(actor: Actor, input: BulkInput): Promise<void> {
  if (input.action === 'assign') {
    const officer = await UserModel.findById(input.assigneeId, { role: 1, status: 1, orgId: 1 }).lean();
    if (!officer || !isFellowOfficer(actor, officer))
      throw unprocessable('not_an_officer', 'Only an active officer of your bureau can be assigned');
  }
  if (input.action === 'transfer' && !(await RegionModel.exists({ code: input.toRegion, level: 'county' })))
    throw unprocessable('unknown_region', 'No such county');
}

export async function createBulkJob(
  actor: Actor,
  input: BulkInput,
  idempotencyKey?: string,
): Promise<{ job: BulkJobRecord; created: boolean }> {
  const key = idempotencyKey ?? new mongoose.Types.ObjectId().toHexString();
  const existing = async () => (await BulkJobModel.findOne({ ownerId: actor.id, key }).lean()) as BulkJobRecord | null;
  if (idempotencyKey) {
    const found = await existing();
    if (found) return { job: found, created: false };
  }
  await checkParams(actor, input);
  const chosen = input.items ?? (await matching(actor, input.filter!));
  const items = [...new Map(chosen.map((i) => [i.id, i])).values()];
  if (!items.length) throw unprocessable('no_items', 'No complaint matches the filter');
  const doc = new BulkJobModel({
    ownerId: actor.id,
    key,
    action: input.action,
    params: { ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}), ...(input.toRegion ? { toRegion: input.toRegion } : {}) },
    items,
    total: items.length,
    status: 'running',
    createdAt: now(),
  });
  // The same key at once from a second request: the first insert's job answers both.
  if (!(await firstWriter(doc.save()))) return { job: (await existing())!, created: false };
  const job = doc.toObject() as BulkJobRecord;
  startBulkJob(job);
  return { job, created: true };
}
