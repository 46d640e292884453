// The risk-based sampling plan (issue #12 item 4): each product's risk score with its evidence, and a
// bureau's quarterly list of what to sample, adjusted by the bureau and checked against the imports.
import { z } from 'zod';
import { CATEGORIES } from '../enums.js';
import { objectId, listQuery } from './common.js';

/** YYYY-Qn, a calendar quarter in Shanghai. */
export const quarterString = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q4');

/**
 * How often a subject is sampled: `high` and `elevated` risk more often than the `baseline`; `clean`
 * (its producer had samplings and no failure in three years) less often, as the provincial plan says.
 */
export const RISK_TIERS = ['high', 'elevated', 'baseline', 'clean'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const riskEvidenceSchema = z.object({
  /** Complaints about the product in the last 365 days, and of them those about a safety incident. */
  complaints: z.number().int(),
  safetyComplaints: z.number().int(),
  /** Its flag is open or has become a case. */
  openFlag: z.boolean(),
  /** Failed and passed supervisory samplings in the last three years. */
  failedSamplings: z.number().int(),
  passedSamplings: z.number().int(),
  /** Incidents reported in the last 365 days, and of them those with serious or fatal injuries. */
  incidents: z.number().int(),
  seriousIncidents: z.number().int(),
  /** The worst credit tier among the merchants its complaints name (null: none known). */
  creditTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  /** Its producer had samplings in three years, none failed. */
  producerClean: z.boolean(),
  /** Points per input, adding up to the score. */
  points: z.object({
    complaints: z.number(),
    safetyComplaints: z.number(),
    openFlag: z.number(),
    failedSamplings: z.number(),
    incidents: z.number(),
    credit: z.number(),
  }),
});
export type RiskEvidence = z.infer<typeof riskEvidenceSchema>;

export const planItemSchema = z.object({
  productId: objectId,
  productName: z.string(),
  producer: z.string().nullable(),
  category: z.enum(CATEGORIES),
  keyCategory: z.boolean(),
  score: z.number(),
  tier: z.enum(RISK_TIERS),
  evidence: riskEvidenceSchema,
  /** Samplings suggested this quarter: high 2, elevated and baseline 1, clean 0; a key category at least 1. */
  suggested: z.number().int(),
  /** The bureau's adjustment: added (not suggested), removed, or another number of samplings. */
  adjustment: z.enum(['added', 'removed', 'frequency']).nullable(),
  /** What the bureau plans after its adjustment. */
  planned: z.number().int(),
  /** Samplings of the product imported for this quarter in the bureau's region. */
  sampled: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  failedItems: z.array(z.string()),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planQuery = listQuery.extend({
  quarter: quarterString.optional(),
  /** `planned`: what the bureau plans to sample (planned > 0); `all`: every subject of the region. */
  show: z.enum(['planned', 'all']).default('planned'),
});
export const planExportQuery = z.object({ quarter: quarterString.optional(), lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const planSchema = z.object({
  region: z.string(),
  quarter: quarterString,
  /** When the scores were last computed (null: not yet). */
  computedAt: z.string().nullable(),
  totals: z.object({ subjects: z.number().int(), planned: z.number().int(), sampled: z.number().int(), notSampled: z.number().int() }),
  items: z.array(planItemSchema),
  nextCursor: z.string().nullable(),
});
export type SamplingPlan = z.infer<typeof planSchema>;

export const adjustPlanSchema = z
  .object({
    quarter: quarterString,
    productId: objectId,
    action: z.enum(['add', 'remove', 'frequency', 'reset']),
    /** Samplings this quarter, for `frequency` (and optionally `add`). */
    count: z.number().int().min(1).max(12).optional(),
  })
  .strict()
  .refine((v) => v.action !== 'frequency' || v.count !== undefined, { message: 'frequency needs a count', path: ['count'] });
export type AdjustPlanInput = z.infer<typeof adjustPlanSchema>;
