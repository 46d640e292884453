import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'fangxin.sid';
export const SESSION_TTL_SECONDS = 14 * 24 * 3600;
export const SESSION_COLLECTION = 'sessions';

/** Sessions live in the database so every server instance sees them. Expiry is our sweep, not a TTL index. */
export function sessionMiddleware(config: Config) {
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    store: MongoStore.create({
      client: mongoose.connection.getClient() as never,
      collectionName: SESSION_COLLECTION,
      ttl: SESSION_TTL_SECONDS,
      autoRemove: 'disabled',
      stringify: false,
    }),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.NODE_ENV === 'production' && !!config.PUBLIC_URL?.startsWith('https:'),
      maxAge: SESSION_TTL_SECONDS * 1000,
    },
  });
}

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
  }
}
