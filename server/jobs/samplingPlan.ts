// Scores risk and rewrites the current quarter's sampling plans (server/sampling/riskPlan.ts) every
// hour; a rewrite overwrites, so two runs at once write the same rows.
import { computeSamplingPlans } from '../sampling/riskPlan.js';
import type { Job } from './scheduler.js';

export const SAMPLING_PLAN_JOB = 'sampling-plan';
export const samplingPlanJob: Job = { name: SAMPLING_PLAN_JOB, everyMs: 60 * 60 * 1000, run: computeSamplingPlans };
