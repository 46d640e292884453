import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../http/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's CSRF token, created on first request. */
export function csrfToken(req: Request): string {
  if (!req.session.csrfToken) req.session.csrfToken = crypto.randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Every state-changing request carries the session's token in X-CSRF-Token. */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const sent = req.get('x-csrf-token');
  const expected = req.session?.csrfToken;
  if (!sent || !expected || !same(sent, expected)) {
    return next(new AppError(403, 'csrf_invalid', 'Missing or invalid CSRF token; fetch one from GET /api/auth/csrf'));
  }
  next();
};
