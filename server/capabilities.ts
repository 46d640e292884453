// Every capability and what it brings, in one list: its API routes, periodic jobs, demo seeders,
// domain-event subscriptions, socket handlers and public merchant figures. Nothing registers itself
// when imported: `wireCapabilities` hands these to the scheduler, the seeder, the event bus, the
// socket server and the merchant profile, and `apiRouter` mounts the routes. Who may call each
// route is declared beside it (its `policy`), the rules in server/policies/ (one table per capability).
import { complaintSeeder } from './seed/complaints.js';
import { officerSeeder } from './seed/officers.js';
import { dashboardSeeder, productSeeder } from './seed/products.js';
import { recallSeeder } from './seed/recalls.js';
import { safetySeeder } from './seed/safety.js';
import { returnSeeder } from './seed/returns.js';
import { templateSeeder } from './seed/templates.js';
import { addSeeder, type Seeder } from './seed/registry.js';
import { effectsJob } from './complaints/effectRunner.js';
import { subscribe, type Subscription } from './events/bus.js';
import type { Endpoint } from './http/endpoint.js';
import { complaintDeadlineJob } from './jobs/complaintDeadlines.js';
import { countSealJob } from './jobs/countSeal.js';
import { flagDetectionJob } from './jobs/flagDetection.js';
import { outboxJob } from './jobs/outbox.js';
import { returnDeadlineJob, returnFiguresJob } from './jobs/returnDeadlines.js';
import { registerJob, type Job } from './jobs/scheduler.js';
import { sweepJob } from './jobs/sweep.js';
import { addMerchantFigures, type FigureSource } from './presenters/merchant.js';
import { creditFigures } from './products/credit.js';
import { contestDecisionJob } from './credit/contests.js';
import { productSubscriptions } from './products/subscriptions.js';
import { recallReachJob } from './recalls/reach.js';
import { followUpJob } from './followUps/escalate.js';
import { followUpSubscriptions } from './followUps/subscriptions.js';
import { incidentNoticeJob } from './incidents/report.js';
import { incidentRoutes } from './routes/incidents/router.js';
import { followUpRoutes } from './routes/followUps/router.js';
import { complaintSocketHandler } from './realtime/complaints.js';
import { addSocketHandler, type SocketHandler } from './realtime/handlers.js';
import { returnFigures } from './returns/merchantFigures.js';
import { indexFigures } from './indices/merchantIndex.js';
import { analyticsRoutes } from './routes/analytics/router.js';
import { approvalRoutes } from './routes/approvals/router.js';
import { authRoutes } from './routes/auth/router.js';
import { complaintRoutes } from './routes/complaints/router.js';
import { deadlinePauseRoutes } from './routes/deadlinePauses/router.js';
import { directoryRoutes } from './routes/directory/router.js';
import { disclosureRoutes } from './routes/disclosure/router.js';
import { disclosureSubscriptions } from './disclosure/record.js';
import { openDataJob } from './openData/export.js';
import { openDataRoutes } from './routes/openData/router.js';
import { posterRoutes } from './routes/posters/router.js';
import { privacyRoutes } from './routes/privacy/router.js';
import { rankingRoutes } from './routes/rankings/router.js';
import { creditRoutes } from './routes/credit/router.js';
import { healthRoutes } from './routes/health/router.js';
import { notificationRoutes } from './routes/notifications/router.js';
import { officerRoutes } from './routes/officers/router.js';
import { savedViewRoutes } from './routes/savedViews/router.js';
import { bulkRoutes } from './routes/bulk/router.js';
import { bulkJobsJob } from './jobs/bulkJobs.js';
import { outboxRoutes } from './routes/outbox/router.js';
import { productRoutes } from './routes/products/router.js';
import { samplingPlanRoutes } from './routes/samplingPlan/router.js';
import { samplingPlanJob } from './jobs/samplingPlan.js';
import { samplingPlanSeeder } from './seed/samplingPlan.js';
import { samplingPlanSubscription } from './sampling/subscription.js';
import { recallRoutes } from './routes/recalls/router.js';
import { returnAnalyticsRoutes } from './routes/returns/analytics.js';
import { returnRoutes } from './routes/returns/router.js';
import { storeRoutes } from './routes/stores/router.js';
import { templateRoutes } from './routes/templates/router.js';
import { notificationSettingRoutes } from './routes/notificationSettings/router.js';
import { notificationDigestJob } from './jobs/notificationDigest.js';
import { notificationSubscriptions } from './notifications/subscriptions.js';
import { userRoutes } from './routes/users/router.js';

export interface Capability {
  name: string;
  /** Each returns the endpoints of one route folder (server/routes/<resource>/). */
  routes: (() => Endpoint[])[];
  jobs?: Job[];
  seeders?: Seeder[];
  subscriptions?: Subscription[];
  socketHandlers?: SocketHandler[];
  merchantFigures?: FigureSource[];
}

export const capabilities: Capability[] = [
  { name: 'platform', routes: [healthRoutes], jobs: [sweepJob] },
  // privacy: a consumer's own data (PIPL): download, access log, closing the account.
  { name: 'accounts', routes: [authRoutes, approvalRoutes, userRoutes, privacyRoutes] },
  { name: 'directory', routes: [directoryRoutes, storeRoutes] },
  {
    name: 'complaints',
    routes: [complaintRoutes, deadlinePauseRoutes, notificationRoutes, officerRoutes, savedViewRoutes, bulkRoutes, templateRoutes],
    jobs: [complaintDeadlineJob, effectsJob, countSealJob, bulkJobsJob],
    seeders: [complaintSeeder, officerSeeder, templateSeeder],
    socketHandlers: [complaintSocketHandler],
  },
  {
    name: 'returns',
    routes: [returnRoutes, returnAnalyticsRoutes],
    jobs: [returnDeadlineJob, returnFiguresJob],
    seeders: [returnSeeder],
    merchantFigures: [returnFigures],
  },
  {
    name: 'products',
    routes: [productRoutes, samplingPlanRoutes],
    jobs: [flagDetectionJob, samplingPlanJob],
    seeders: [dashboardSeeder, productSeeder, samplingPlanSeeder],
    subscriptions: [...productSubscriptions, samplingPlanSubscription],
    merchantFigures: [creditFigures],
  },
  // Honest indices: each public rate with its numerator, denominator and exclusions (docs/indices.md).
  // The merchant's credit inputs and its contests, decided by the bureau handling each complaint.
  { name: 'indices', routes: [rankingRoutes, creditRoutes], jobs: [contestDecisionJob], merchantFigures: [indexFigures] },
  { name: 'disclosure', routes: [disclosureRoutes], subscriptions: disclosureSubscriptions },
  // Open data: the public records and their figures as a rate-limited API and nightly files.
  { name: 'open data', routes: [openDataRoutes], jobs: [openDataJob] },
  // A store's public page, QR code and printable poster (PDF, PNG).
  { name: 'posters', routes: [posterRoutes] },
  // Recalls, incident reports and paused deadlines: from a problem product to the people who bought it.
  {
    name: 'product safety',
    routes: [recallRoutes, incidentRoutes, followUpRoutes],
    jobs: [recallReachJob, incidentNoticeJob, followUpJob],
    seeders: [recallSeeder, safetySeeder],
    subscriptions: followUpSubscriptions,
  },
  { name: 'analytics', routes: [analyticsRoutes] },
  { name: 'mail', routes: [outboxRoutes], jobs: [outboxJob] },
  // After products: a filing's subscribers are told once its product is resolved (same event, in order).
  {
    name: 'notification settings',
    routes: [notificationSettingRoutes],
    jobs: [notificationDigestJob],
    subscriptions: notificationSubscriptions,
  },
];

/** Hands every capability's jobs, seeders, subscriptions, socket handlers and figures to their runners (idempotent). */
export function wireCapabilities(): void {
  for (const c of capabilities) {
    c.jobs?.forEach(registerJob);
    c.seeders?.forEach(addSeeder);
    c.subscriptions?.forEach(subscribe);
    c.socketHandlers?.forEach(addSocketHandler);
    c.merchantFigures?.forEach(addMerchantFigures);
  }
}
