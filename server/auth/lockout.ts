import { LoginFailureModel } from '../models/LoginFailure.js';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** Milliseconds until the account may try again, or 0 when it is not locked. */
export async function lockedFor(email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const recent = await LoginFailureModel.find({ email, at: { $gte: since } })
    .sort({ at: -1 })
    .limit(LOCKOUT_FAILURES)
    .lean();
  if (recent.length < LOCKOUT_FAILURES) return 0;
  return recent[LOCKOUT_FAILURES - 1]!.at.getTime() + LOCKOUT_WINDOW_MS - now.getTime();
}

/** Milliseconds until this address may try again after `limit` failed sign-ins in the window, or 0. */
export async function addressBlockedFor(address: string, limit: number, now = new Date()): Promise<number> {
  const recent = await LoginFailureModel.find({ address }, { at: 1 }).sort({ at: -1 }).limit(limit).lean();
  if (recent.length < limit) return 0;
  return Math.max(0, recent[limit - 1]!.at.getTime() + LOCKOUT_WINDOW_MS - now.getTime());
}

export async function recordFailure(email: string, address: string, now = new Date()): Promise<void> {
  await LoginFailureModel.create({ email, address, at: now });
}

export async function clearFailures(email: string): Promise<void> {
  await LoginFailureModel.deleteMany({ email });
}

export async function sweepLoginFailures(now = new Date()): Promise<number> {
  const r = await LoginFailureModel.deleteMany({ at: { $lt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } });
  return r.deletedCount;
}
