// One check of every request's parsed body and query before any route sees them: strings the
// database cannot store faithfully (NUL bytes, lone surrogates) and structures no schema of ours
// accepts (deep nesting) are refused here as 400, whatever the endpoint's own schema says.
import type { RequestHandler } from 'express';
import { badRequest, unsupportedCharset } from './errors.js';

const MAX_DEPTH = 16;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problem(value: unknown, path: string, depth: number): { path: string; message: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, message: 'must not contain NUL bytes' };
    if (LONE_SURROGATE.test(value)) return { path, message: 'must be well-formed Unicode (no lone surrogates)' };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { path, message: `is nested more than ${MAX_DEPTH} levels deep` };
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const p = problem(k, at, depth + 1) ?? problem(v, at, depth + 1);
    if (p) return p;
  }
  return null;
}

/**
 * JSON is UTF-8 (RFC 8259): a body declared in another charset is refused before it is decoded,
 * rather than read as mojibake or failing deeper down.
 */
export const utf8Only: RequestHandler = (req, _res, next) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && req.is('application/json')) {
    return next(unsupportedCharset());
  }
  next();
};

export const inputGuard: RequestHandler = (req, _res, next) => {
  const p = problem(req.body, 'body', 0) ?? problem(req.query, 'query', 0);
  next(p ? badRequest('Invalid input', [p]) : undefined);
};
