// Abuse limits on state-changing and expensive endpoints, per user and per address, kept in the
// database so that every server instance counts the same requests. A bucket's newest rows for a key
// are read (one equality, one sort key, a limit: a read the engine pushes down); when `max` of them
// fall in the window the request is refused with 429 and Retry-After, otherwise one row is inserted.
// Two instances may both admit the last request of a window at the same moment: the limit is exact
// up to the number of requests in flight at once, which is what an abuse limit needs.
import type { Request, RequestHandler } from 'express';
import { now } from '../clock.js';
import { RateHitModel } from '../models/RateHit.js';
import type { Actor } from '../policies/index.js';
import { AppError } from './errors.js';
import { groupCreate } from '../db/groupInsert.js';

export interface Limit {
  max: number;
  windowMs: number;
}

const MIN = 60_000;

/** Per user and per address; an address carries many users (an office behind one NAT). */
export const LIMITS = {
  write: { user: { max: 60, windowMs: MIN }, address: { max: 600, windowMs: MIN } },
  filing: { user: { max: 10, windowMs: 10 * MIN }, address: { max: 60, windowMs: 10 * MIN } },
  message: { user: { max: 20, windowMs: MIN }, address: { max: 200, windowMs: MIN } },
  'return-request': { user: { max: 10, windowMs: 10 * MIN }, address: { max: 60, windowMs: 10 * MIN } },
  upload: { user: { max: 20, windowMs: 10 * MIN }, address: { max: 100, windowMs: 10 * MIN } },
  signup: { user: { max: 5, windowMs: 60 * MIN }, address: { max: 5, windowMs: 60 * MIN } },
  'sign-in-link': { user: { max: 3, windowMs: 15 * MIN }, address: { max: 10, windowMs: 15 * MIN } },
  expensive: { user: { max: 5, windowMs: MIN }, address: { max: 30, windowMs: MIN } },
  // The public open-data API, signed out too: a crawler gets 60 pages (up to 6,000 records) a minute.
  'open-data': { user: { max: 60, windowMs: MIN }, address: { max: 60, windowMs: MIN } },
} satisfies Record<string, { user: Limit; address: Limit }>;

export type Bucket = keyof typeof LIMITS;

/** How an app scales the limits: 1 in production; tests raise it to keep a fuzz run unthrottled. */
export interface RateLimitOptions {
  scale?: number;
}

function scaleOf(req: Request): number {
  return (req.app.locals.rateLimits as RateLimitOptions | undefined)?.scale ?? 1;
}

/** Milliseconds to wait before `key` may make another request under `limit` (0: it may now). */
async function waitFor(key: string, limit: Limit, at: Date): Promise<number> {
  const recent = await RateHitModel.find({ key }, { at: 1 }).sort({ at: -1 }).limit(limit.max).lean();
  if (recent.length < limit.max) return 0;
  return Math.max(0, recent[limit.max - 1]!.at.getTime() + limit.windowMs - at.getTime());
}

/** Milliseconds to wait when `key` is over `limit`; otherwise records this request and answers 0. */
export async function take(key: string, limit: Limit, at = now()): Promise<number> {
  const wait = await waitFor(key, limit, at);
  if (!wait) await RateHitModel.create({ key, at });
  return wait;
}

export function tooMany(waitMs: number, message = 'Too many requests; try again later'): AppError {
  const e = new AppError(429, 'rate_limited', message);
  e.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return e;
}

/** The limit of one bucket for the signed-in user (if any) and the caller's address. */
export function rateLimit(bucket: Bucket): RequestHandler {
  return async (req, _res, next) => {
    try {
      const scale = scaleOf(req);
      const { user, address } = LIMITS[bucket];
      const actor = req.user as Actor | undefined;
      const at = now();
      const userKey = actor ? `${bucket}:u:${actor.id}` : null;
      const addressKey = `${bucket}:a:${req.ip ?? 'unknown'}`;
      // Both buckets are read at once and the hits stored in one command: two round trips on every
      // limited request instead of four. As before, a refused user is not counted against the address,
      // and a refused address still counts against the user.
      const [byUser, byAddress] = await Promise.all([
        userKey ? waitFor(userKey, { ...user, max: user.max * scale }, at) : 0,
        waitFor(addressKey, { ...address, max: address.max * scale }, at),
      ]);
      if (!byUser) {
        const hits = [...(userKey ? [userKey] : []), ...(byAddress ? [] : [addressKey])];
        if (hits.length)
          await groupCreate(
            RateHitModel,
            hits.map((key) => ({ key, at })),
          );
      }
      const wait = byUser || byAddress;
      next(wait ? tooMany(wait) : undefined);
    } catch (e) {
      next(e);
    }
  };
}

/** Old rows are removed by the sweep; nothing older than the longest window is ever read. */
export async function sweepRateHits(at: Date): Promise<number> {
  const longest = Math.max(...Object.values(LIMITS).flatMap((l) => [l.user.windowMs, l.address.windowMs]));
  return (await RateHitModel.deleteMany({ at: { $lt: new Date(at.getTime() - longest) } })).deletedCount;
}
