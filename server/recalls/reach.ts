// Reaching the people a recall concerns. The reach job goes through every consumer and merchant the
// product concerns (server/recalls/affected.ts) and, for each, inserts its RecallNotice (unique per
// recall and recipient), then tells its accounts through the notification fan-out (in-app and mail,
// each unique per account and cause): every step is an insert that a repeat finds done, so a run that died half-way, a
// second instance or a restart notices nobody twice. A run is claimed by inserting its attempt's
// key; an attempt claimed long ago and never finished is abandoned and the next one is claimed.
import type mongoose from 'mongoose';
import type { RecallReach } from '../../shared/schemas/recalls.js';
import { now } from '../clock.js';
import { claim } from '../jobs/claim.js';
import type { Job } from '../jobs/scheduler.js';
import { logger } from '../logger.js';
import { JobRunModel } from '../models/JobRun.js';
import { RecallModel, type RecallRecord } from '../models/Recall.js';
import { RecallNoticeModel } from '../models/RecallNotice.js';
import { fanOut } from '../notifications/fanout.js';
import { merchantStaff, person } from '../notifications/recipients.js';
import { emitTo, regionRooms } from '../realtime/emit.js';
import { affectedBy } from './affected.js';
import { consumerNotice, merchantNotice } from './texts.js';
import { firstWriter } from '../db/firstWriter.js';

const ABANDONED_MS = 10 * 60_000;
const notificationKey = (recallId: unknown) => `recall:${String(recallId)}`;

type Recipient = { recipient: string; audience: 'consumer' | 'merchant'; userId?: string; merchantId?: string; merchantName?: string };

/** Inserts the recipient's notice; a repeat (a retry, another instance) finds it and goes on. */
async function insertNotice(r: RecallRecord, who: Recipient, at: Date): Promise<void> {
  const notice = { recallId: r._id, ...who, productName: (r.product as { name: string }).name, riskLevel: r.riskLevel, notifiedAt: at };
  await firstWriter(RecallNoticeModel.create(notice));
}

async function reachEveryone(r: RecallRecord): Promise<void> {
  const at = now();
  const { consumerIds } = await affectedBy(r.productId);
  const text = { ...r, product: r.product as { name: string } };
  const toConsumer = consumerNotice(text);
  for (const id of consumerIds) {
    await insertNotice(r, { recipient: `user:${id}`, audience: 'consumer', userId: id }, at);
    await fanOut({ cause: notificationKey(r._id), kind: 'recall', to: [person(id)], notice: toConsumer, link: `/recalls/${r._id}` });
  }
  const toMerchant = merchantNotice(text);
  for (const m of r.sellers) {
    await insertNotice(r, { recipient: `org:${m.id}`, audience: 'merchant', merchantId: String(m.id), merchantName: m.name ?? '' }, at);
    // Headquarters takes the product off sale in every store.
    const to = [merchantStaff(m.id, [])];
    await fanOut({ cause: notificationKey(r._id), kind: 'recall_off_sale', to, notice: toMerchant, link: `/recalls/${r._id}` });
  }
}

/**
 * Runs the recall's reach once its current attempt is claimed; false when another run holds the
 * claim (it finishes it) or the reach is done.
 */
export async function runReach(recallId: mongoose.Types.ObjectId | string, at = now()): Promise<boolean> {
  const r = await RecallModel.findById(recallId).lean();
  if (!r || r.reachDone) return false;
  const key = `recall-reach:${r._id}:${r.reachAttempt}`;
  if (!(await claim(key, 'recall-reach'))) {
    const run = await JobRunModel.findOne({ key }).lean();
    // Its runner died: the next attempt may be claimed (by this run's next pass or another instance).
    if (run && at.getTime() - new Date(run.at).getTime() > ABANDONED_MS)
      await RecallModel.updateOne({ _id: r._id, reachAttempt: r.reachAttempt }, { $set: { reachAttempt: r.reachAttempt + 1 } });
    return false;
  }
  await reachEveryone(r);
  await RecallModel.updateOne({ _id: r._id }, { $set: { reachDone: true } });
  await announceReach(r._id);
  return true;
}

/**
 * Starts the reach without holding up the publishing request (the seed awaits it); if this process
 * dies meanwhile, the job resumes it.
 */
export function startReach(recallId: mongoose.Types.ObjectId): Promise<void> {
  return runReach(recallId).then(
    () => undefined,
    (err) => logger.error({ err, recallId: String(recallId) }, 'recall reach failed; the job resumes it'),
  );
}

export const recallReachJob: Job = {
  name: 'recall-reach',
  everyMs: 30_000,
  async run(at) {
    const open = await RecallModel.find({ reachDone: false }, { _id: 1 }).lean();
    let ran = 0;
    for (const r of open) if (await runReach(r._id, at)) ran++;
    return { open: open.length, ran };
  },
};

/** The figures of one recall, from its notices (one row per recipient). */
export async function reachOf(r: Pick<RecallRecord, '_id' | 'reachDone'>): Promise<RecallReach> {
  const notices = await RecallNoticeModel.find(
    { recallId: r._id },
    { audience: 1, readAt: 1, acknowledgedAt: 1, merchantId: 1, merchantName: 1 },
  ).lean();
  const consumers = notices.filter((n) => n.audience === 'consumer');
  const merchants = notices.filter((n) => n.audience === 'merchant');
  return {
    recallId: String(r._id),
    complete: !!r.reachDone,
    consumers: { notified: consumers.length, read: consumers.filter((n) => n.readAt).length },
    merchants: {
      notified: merchants.length,
      acknowledged: merchants.filter((n) => n.acknowledgedAt).length,
      pending: merchants
        .filter((n) => !n.acknowledgedAt)
        .map((n) => ({ id: String(n.merchantId), name: n.merchantName ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
}

/** The bureaus of the recall's regions see its figures change live. */
export async function announceReach(recallId: mongoose.Types.ObjectId): Promise<void> {
  const r = await RecallModel.findById(recallId, { regionCodes: 1, reachDone: 1 }).lean();
  if (!r) return;
  emitTo([...new Set(r.regionCodes.flatMap(regionRooms))], 'recall:reach', await reachOf(r));
}
