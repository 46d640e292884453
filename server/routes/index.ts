import express, { type Router } from 'express';
import type { Endpoint } from '../http/endpoint.js';
import { approvalRoutes } from './approvals/router.js';
import { authRoutes } from './auth/router.js';
import { directoryRoutes } from './directory/router.js';
import { storeRoutes } from './stores/router.js';
import { healthRoutes } from './health/router.js';
import { userRoutes } from './users/router.js';
import { problemProductRoutes } from './problemProducts/router.js';
import { analyticsRoutes } from './analytics/router.js';
import { returnRoutes } from './returns/router.js';
import { returnAnalyticsRoutes } from './returns/analytics.js';
import { complaintRoutes } from './complaints/router.js';
import { notificationRoutes } from './notifications/router.js';
import { outboxRoutes } from './outbox/router.js';

/** Every API resource, in one list; each module declares its endpoints with their policies. */
export function apiRouter(): Router {
  const router = express.Router();
  const groups: Endpoint[][] = [
    healthRoutes(),
    authRoutes(),
    approvalRoutes(),
    directoryRoutes(),
    storeRoutes(),
    userRoutes(),
    problemProductRoutes(),
    analyticsRoutes(),
    returnRoutes(),
    returnAnalyticsRoutes(),
    complaintRoutes(),
    notificationRoutes(),
    outboxRoutes(),
  ];
  for (const e of groups.flat()) e.mount(router);
  return router;
}
