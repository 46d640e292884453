// The Idempotency-Key request header (API.md "Conventions"): printable ASCII, at most 200 characters.
import type { Request } from 'express';
import { z } from 'zod';
import { badRequest } from './errors.js';

const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII');

/** The request's key, if it sent one; 400 for a malformed one. */
export function readIdempotencyKey(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  const r = idempotencyKey.safeParse(header);
  if (!r.success) throw badRequest('Invalid Idempotency-Key header', [{ path: 'Idempotency-Key', message: r.error.issues[0]!.message }]);
  return r.data;
}
