// At most MAX_CONCURRENT_UPLOADS uploads per user at once. The slot is taken before the body is read,
// so a user cannot hold many slow uploads open; a slot left by a crashed instance counts as free
// once it is older than STALE_MS.
import type { RequestHandler } from 'express';
import { now } from '../clock.js';
import { UploadSlotModel } from '../models/UploadSlot.js';
import type { Actor } from '../policies/index.js';
import { tooMany } from './rateLimit.js';
import { firstWriter } from '../db/firstWriter.js';

export const MAX_CONCURRENT_UPLOADS = 2;
const STALE_MS = 5 * 60_000;

async function tryTake(userId: string, slot: number): Promise<string | null> {
  const taken = new UploadSlotModel({ userId, slot, at: now() });
  if (await firstWriter(taken.save())) return String(taken._id);
  const held = await UploadSlotModel.findOne({ userId, slot }).lean();
  if (!held || now().getTime() - held.at.getTime() < STALE_MS) return null;
  await UploadSlotModel.deleteOne({ _id: held._id });
  return tryTake(userId, slot);
}

export const uploadSlot: RequestHandler = async (req, res, next) => {
  try {
    const userId = (req.user as Actor).id;
    let id: string | null = null;
    for (let slot = 0; slot < MAX_CONCURRENT_UPLOADS && !id; slot++) id = await tryTake(userId, slot);
    if (!id) return next(tooMany(5_000, `At most ${MAX_CONCURRENT_UPLOADS} uploads at a time; wait for one to finish`));
    res.once('close', () => void UploadSlotModel.deleteOne({ _id: id }).catch(() => undefined));
    next();
  } catch (e) {
    next(e);
  }
};
