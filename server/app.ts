import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import { csrfProtection } from './auth/csrf.js';
import { passport } from './auth/passport.js';
import { sessionLifetime, sessionMiddleware } from './auth/session.js';
import { databaseAvailability } from './http/availability.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { inputGuard, utf8Only } from './http/inputGuard.js';
import { logger } from './logger.js';
import { apiRouter } from './routes/index.js';

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');

export interface AppOptions {
  /** Failed sign-ins per address per 15 minutes before 429. */
  loginLimit?: number;
  /** Multiplies every abuse limit (server/http/rateLimit.ts); tests that send many requests raise it. */
  rateLimitScale?: number;
}

/** Builds the Express app (no listen): API under /api, the built client for everything else. */
export function createApp(config: Config, opts: AppOptions = {}) {
  const app = express();
  const session = sessionMiddleware(config);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.locals.config = config;
  app.locals.loginLimit = opts.loginLimit ?? 30;
  app.locals.rateLimits = { scale: opts.rateLimitScale ?? config.RATE_LIMIT_SCALE };
  // HSTS (a year, subdomains) is helmet's default; no directive allows a whole scheme (`https:`) for
  // scripts or fonts: everything is served from here (test/production.test.ts checks the header).
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // swagger-ui at /api/docs and ECharts' inline styles need these.
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
      serializers: { req: (req) => ({ method: req.method, url: req.url?.split('?')[0] }), res: (res) => ({ statusCode: res.statusCode }) },
    }),
  );

  const api = express.Router();
  api.use(databaseAvailability);
  api.use(utf8Only);
  api.use(express.json({ limit: '1mb' }));
  api.use(inputGuard);
  api.use(session);
  api.use(sessionLifetime);
  api.use(passport.initialize());
  api.use(passport.session());
  api.use(csrfProtection);
  api.use(apiRouter());
  api.use(notFoundHandler);
  api.use(errorHandler);
  app.use('/api', api);

  // The client is served once it is built: `npm start` builds it while the engine starts and seeds.
  const index = path.join(CLIENT_DIST, 'index.html');
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
  const spa: RequestHandler = (_req, res, next) => (fs.existsSync(index) ? res.sendFile(index) : next());
  app.get('/{*path}', spa);
  app.use(errorHandler);
  return { app, session };
}
