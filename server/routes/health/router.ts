import express, { type Router } from 'express';
import mongoose from 'mongoose';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';
import { engineDown } from '../../db/availability.js';
import { endpoint } from '../../http/endpoint.js';
import { openApiDocument } from '../../openapi/registry.js';
import { VERSION } from '../../version.js';

/** The generated document itself is checked by its generator; here only its frame (every key passes). */
const openApiSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']), version: z.string() });

async function dbUp(): Promise<boolean> {
  if (engineDown() || mongoose.connection.readyState !== 1) return false;
  try {
    // A database that does not answer within a second is down, as far as a health check can tell.
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 1000).unref());
    await Promise.race([mongoose.connection.db!.admin().ping(), late]);
    return true;
  } catch {
    return false;
  }
}

export const healthRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/health',
      summary: 'Liveness and database status',
      tag: 'health',
      policy: 'health:read',
      response: healthSchema,
    },
    async ({ res }) => {
      const up = await dbUp();
      if (!up) res.locals.status = 503;
      return { status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down', version: VERSION } as const;
    },
  ),
  endpoint(
    { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'health', policy: 'docs:read', response: openApiSchema },
    () => openApiDocument(VERSION) as unknown as z.infer<typeof openApiSchema>,
  ),
  {
    mount(router: Router) {
      // The document is generated after every route has registered itself, on first request.
      const docs = express.Router();
      docs.use(swaggerUi.serve);
      let page: express.RequestHandler | null = null;
      docs.get('/', (req, res, next) =>
        (page ??= swaggerUi.setup(openApiDocument(VERSION), { customSiteTitle: 'Fangxin API' }))(req, res, next),
      );
      router.use('/docs', docs);
    },
  },
];
