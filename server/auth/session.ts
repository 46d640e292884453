import type { Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'fangxin.sid';
/** A session unused for this long is over: each request moves the expiry on (rolling). */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** However active, a sign-in lasts at most this long. */
export const SESSION_MAX_AGE_MS = 12 * 3600 * 1000;
export const SESSION_COLLECTION = 'sessions';

/** Cookies are Secure in production (served behind HTTPS, see config.ts), SameSite=Lax always. */
const cookieOptions = (config: Config) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.NODE_ENV === 'production',
  path: '/',
});

/** Sessions live in the database so every server instance sees them. Expiry is our sweep, not a TTL index. */
export function sessionMiddleware(config: Config) {
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    store: MongoStore.create({
      client: mongoose.connection.getClient() as never,
      collectionName: SESSION_COLLECTION,
      ttl: SESSION_IDLE_SECONDS,
      autoRemove: 'disabled',
      stringify: false,
      // The stored expiry moves on at most once a minute, not with a write per request.
      touchAfter: 60,
    }),
    cookie: { ...cookieOptions(config), maxAge: SESSION_IDLE_SECONDS * 1000 },
  });
}

/** Records when the user signed in; kept across the session id regeneration of req.login. */
export function markSignedIn(req: Request): void {
  req.session.signedInAt = Date.now();
}

/** Signs out a session older than SESSION_MAX_AGE_MS, before passport reads the user from it. */
export const sessionLifetime: RequestHandler = (req, _res, next) => {
  const s = req.session as (typeof req.session & { passport?: unknown }) | undefined;
  if (s?.passport) {
    s.signedInAt ??= Date.now();
    if (Date.now() - s.signedInAt > SESSION_MAX_AGE_MS) {
      delete s.passport;
      delete s.signedInAt;
    }
  }
  next();
};

/** Sign-out removes the cookie from the browser, not only the session from the store. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req.app.locals.config as Config));
}

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
    signedInAt?: number;
  }
}
