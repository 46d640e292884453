import express, { type Router } from 'express';
import { capabilities } from '../capabilities.js';

/** Every API resource of every capability (server/capabilities.ts); each declares its endpoints with their policies. */
export function apiRouter(): Router {
  const router = express.Router();
  for (const c of capabilities) for (const routes of c.routes) for (const e of routes()) e.mount(router);
  return router;
}
