import mongoose from 'mongoose';
import { SESSION_COLLECTION } from '../auth/session.js';
import { sweepLoginFailures } from '../auth/lockout.js';
import { sweepRateHits } from '../http/rateLimit.js';
import { sweepSignInTokens } from '../commands/signInLink.js';
import { JobRunModel } from '../models/JobRun.js';
import { EFFECT_CLAIM_JOB, EFFECTS_JOB } from '../complaints/effectRunner.js';
import type { Job } from './scheduler.js';

const DAY = 24 * 3600 * 1000;

/** Expiry without TTL indexes (not portable): expired sessions, old login failures and rate-limit rows, old job claims. */
export async function sweep(at: Date) {
  // connect-mongo owns this collection (no model of ours). A range deleteMany is inside the subset here:
  // it decides no race, since a session removed twice, or by two instances, is simply gone.
  const sessions = await mongoose.connection.db!.collection(SESSION_COLLECTION).deleteMany({ expires: { $lt: at } });
  const failures = await sweepLoginFailures(at);
  const rateHits = await sweepRateHits(at);
  const signInTokens = await sweepSignInTokens(at);
  // Claims that only ever decide between concurrent runners (not whether something happened) can go.
  const runs = await JobRunModel.deleteMany({
    job: { $in: ['sweep', EFFECTS_JOB, EFFECT_CLAIM_JOB] },
    at: { $lt: new Date(at.getTime() - 7 * DAY) },
  });
  return { sessions: sessions.deletedCount, loginFailures: failures, rateHits, signInTokens, jobRuns: runs.deletedCount };
}

export const sweepJob: Job = { name: 'sweep', everyMs: 10 * 60 * 1000, run: sweep };
