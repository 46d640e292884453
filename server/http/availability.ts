import type { RequestHandler, Response } from 'express';
import { engineDown, whenEngineGoesDown } from '../db/availability.js';

export const RETRY_AFTER_SECONDS = 2;

/** 503 with Retry-After: the database is away for a moment; the client may retry. */
export function answerUnavailable(res: Response): void {
  res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(503).json({ error: { code: 'db_unavailable', message: 'The database is unavailable; try again shortly' } });
}

const inFlight = new Set<Response>();
// Requests already waiting on the engine when it dies would wait for the driver's timeouts: they are
// answered now. Whatever they had written before is durable; whatever was not acknowledged, the client
// retries (writes carry idempotency keys or expected versions).
whenEngineGoesDown(() => {
  for (const res of inFlight) if (!res.headersSent) answerUnavailable(res);
  inFlight.clear();
});

/** First on /api: answers 503 while the embedded engine is down (health answers for itself). */
export const databaseAvailability: RequestHandler = (req, res, next) => {
  if (req.path === '/health') return next();
  if (engineDown()) return answerUnavailable(res);
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
  next();
};
