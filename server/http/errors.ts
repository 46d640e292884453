import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { engineDown } from '../db/availability.js';
import { logger } from '../logger.js';
import { answerUnavailable } from './availability.js';

/** An error whose status, code and message may be shown to the caller as they are. */
export class AppError extends Error {
  /** Sent as Retry-After with a 429 or 503. */
  retryAfterSeconds?: number;

  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'invalid_input', message, details);
/** A 400 about one field, shaped like the zod issues of `details` so a form shows it beside the field. */
export const invalidField = (path: string, message: string) => badRequest(message, [{ path, message }]);
export const unauthorized = () => new AppError(401, 'unauthenticated', 'Sign in first');
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unsupportedCharset = () =>
  new AppError(415, 'unsupported_charset', 'Send JSON as UTF-8 (Content-Type: application/json; charset=utf-8)');
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);

export function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound('Endpoint'));

/**
 * The error and the driver errors it wraps: a bulk write (insertMany) reports a connection lost under it
 * as a MongoBulkWriteError holding the network error (its `errorResponse`), with no write errors.
 */
function andWrapped(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err; e && typeof e === 'object' && out.length < 5 && !out.includes(e);) {
    out.push(e);
    const inner = (e as { errorResponse?: unknown; cause?: unknown }).errorResponse;
    e = inner instanceof Error ? inner : (e as { cause?: unknown }).cause;
  }
  return out;
}

/** The engine refused for a moment: SQLite's lock, PostgreSQL's serialization failures and full backends. */
const ENGINE_BUSY =
  /database is locked|SQLITE_BUSY|database table is locked|could not serialize access|deadlock detected|too many clients/i;

/**
 * The engine lost under FerretDB, which answers with its backend's error (code 1, InternalError) until
 * the launcher notices (`engineDown()`): PostgreSQL ending the connection (SQLSTATE 57P01 admin shutdown,
 * also "unexpected postmaster exit"; 57P02 crash of another backend; 57P03 starting up, shutting down,
 * in recovery), a connection failure of class 08, or pgx's own words for a connection it lost or could
 * not open.
 */
const ENGINE_LOST =
  /SQLSTATE (57P0[123]|08[0-9A-Z]{3})\b|terminating connection|the database system is (starting up|shutting down|in recovery|not yet accepting)|server closed the connection unexpectedly|connection refused|connection reset by peer|broken pipe|conn closed|unexpected EOF|failed to connect to/i;

/** The database is unreachable, or its engine refused for a moment or was lost: worth a retry. */
export function isDbUnavailable(err: unknown): boolean {
  return andWrapped(err).some((e) => {
    const name = (e as { name?: string })?.name ?? '';
    const message = String((e as { message?: unknown })?.message ?? '');
    if (
      /Mongo(ose)?ServerSelectionError|MongoNetwork(Timeout)?Error|MongoNotConnectedError|MongoTopologyClosedError|MongoPoolClearedError/.test(
        name,
      )
    )
      return true;
    // Mongoose holds operations while its connection is down, and gives up on them after a while.
    if (name === 'MongooseError' && /buffering timed out/.test(message)) return true;
    return /^Mongo/.test(name) && (ENGINE_BUSY.test(message) || ENGINE_LOST.test(message));
  });
}

/**
 * An insert refused only because its keys exist already (a repeat that adds nothing). A bulk insert
 * cut off by a lost connection carries an empty list of write errors: that is a failure, not a repeat.
 */
export function onlyDuplicateKeys(err: unknown): boolean {
  if (isDbUnavailable(err)) return false;
  // The driver's write errors carry `code`; mongoose's Model.insertMany hands them on as `{ err, index }`.
  const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] })?.writeErrors;
  return writeErrors?.length ? writeErrors.every((w) => (w.code ?? w.err?.code) === 11000) : isDuplicateKey(err);
}

/** Any error from the driver or mongoose (while the engine is down, FerretDB answers with server errors). */
function isDbError(err: unknown): boolean {
  return /^Mongo/.test((err as { name?: string })?.name ?? '');
}

/** Errors of the body parser and the router (bad charset, bad encoding, malformed %-escapes) carry their own 4xx. */
function clientError(err: { status?: unknown; expose?: unknown; type?: unknown; message?: unknown }): AppError | null {
  const status = typeof err?.status === 'number' ? err.status : 0;
  if (status < 400 || status > 499) return null;
  if (err.type === 'charset.unsupported') return unsupportedCharset();
  if (err.type === 'encoding.unsupported') return new AppError(415, 'unsupported_encoding', 'This Content-Encoding is not supported');
  if (err instanceof URIError) return badRequest('The path holds a malformed percent-encoding');
  return new AppError(
    status,
    status === 413 ? 'too_large' : 'invalid_input',
    err.expose === true && typeof err.message === 'string' ? err.message : 'Invalid request',
  );
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // Already answered: a 503 for a request caught in flight by an engine outage (availability.ts).
  // Never a second answer ("headers already sent").
  if (res.headersSent) return;
  if (isDbUnavailable(err) || (engineDown() && isDbError(err))) return answerUnavailable(res);
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof ZodError) e = badRequest('Invalid input', zodDetails(err));
  else if (err?.type === 'entity.parse.failed') e = badRequest('Request body is not valid JSON');
  else if (err?.type === 'entity.too.large' || err?.code === 'LIMIT_FILE_SIZE') e = new AppError(413, 'too_large', 'Request is too large');
  else if (err?.name === 'MulterError') e = badRequest(err.message);
  else if (err?.name === 'CastError') e = notFound();
  else if (clientError(err)) e = clientError(err)!;
  else if (isDuplicateKey(err)) e = conflict('duplicate', 'This record already exists');
  else {
    logger.error({ err, path: req.path }, 'unhandled error');
    e = new AppError(500, 'internal', 'Something went wrong on our side');
  }
  if (e.retryAfterSeconds !== undefined) res.set('Retry-After', String(e.retryAfterSeconds));
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code: e.code, message: e.message } };
  if (e.details !== undefined) body.error.details = e.details;
  res.status(e.status).json(body);
};
