// 投诉公示: the public record of a closed complaint and the public list's filters. No consumer
// identity, contact or own words, except a description the consumer chose to publish, scrubbed.
import { z } from 'zod';
import { CATEGORIES, DEMAND_TYPES, PROBLEM_TYPES } from '../enums.js';
import { REMEDY_STATUSES } from '../complaintMachine.js';
import { objectId } from './common.js';

export const publicComplaintQuery = z
  .object({
    merchantId: objectId.optional(),
    cityCode: z
      .string()
      .regex(/^33\d{2}$/, 'must be a Zhejiang city code')
      .optional(),
    category: z.enum(CATEGORIES).optional(),
    problemType: z.enum(PROBLEM_TYPES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: objectId.optional(),
  })
  .strict();
export type PublicComplaintQuery = z.infer<typeof publicComplaintQuery>;

export const PUBLIC_OUTCOMES = ['resolved', 'mediated', 'mediation_failed', 'reopened'] as const;

export const publicComplaintSchema = z
  .object({
    id: objectId,
    merchantId: objectId,
    merchantName: z.string(),
    storeId: objectId,
    storeName: z.string(),
    cityCode: z.string(),
    countyCode: z.string(),
    category: z.enum(CATEGORIES),
    problemType: z.enum(PROBLEM_TYPES),
    demand: z.object({ type: z.enum(DEMAND_TYPES), amountFen: z.number().optional() }),
    outcome: z.enum(PUBLIC_OUTCOMES),
    remedyStatus: z.enum(REMEDY_STATUSES).optional(),
    filedOn: z.string(),
    closedOn: z.string().optional(),
    publishedAt: z.string(),
    merchantComment: z.object({ text: z.string(), at: z.string() }).optional(),
    description: z.string().optional(),
  })
  .strict();
export type PublicComplaint = z.infer<typeof publicComplaintSchema>;
