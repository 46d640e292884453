// Recall notices (issue 12): what a bureau publishes when an enforcement case reaches `recall`, with
// the fields product-safety authorities publish (EU Safety Gate, US CPSC), and who it reached.
import { z } from 'zod';
import { objectId, offsetCursor } from './common.js';
import { publicProductSchema } from './products.js';

export const RISK_LEVELS = ['serious', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** What a consumer holding the product should do. */
export const CONSUMER_ACTIONS = ['stop_using', 'return', 'repair', 'refund'] as const;
export type ConsumerAction = (typeof CONSUMER_ACTIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const photoUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https:\/\/|\/)[^\s<>"']+$/, 'must be an https URL or a path on this site');

export const publishRecallSchema = z
  .object({
    /** Batches or lots recalled; production dates as the producer states them. */
    batches: z.array(text(100)).max(50).default([]),
    productionDates: z.string().trim().max(200).optional(),
    photos: z.array(photoUrl).max(6).default([]),
    hazard: text(2000),
    riskLevel: z.enum(RISK_LEVELS),
    consumerActions: z.array(z.enum(CONSUMER_ACTIONS)).min(1).max(CONSUMER_ACTIONS.length),
    remedy: text(2000),
    /** Corrections of the case's product description, as printed on the product. */
    brand: z.string().trim().max(100).optional(),
    model: z.string().trim().max(100).optional(),
    gtin: z.string().trim().max(14).optional(),
  })
  .strict();
export type PublishRecallInput = z.infer<typeof publishRecallSchema>;

export const recallListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: offsetCursor });

const party = z.object({ id: objectId, name: z.string() });

/** A published recall as anyone reads it, signed out included: no consumer, no evidence. */
export const recallSchema = z.object({
  id: objectId,
  caseId: objectId,
  product: publicProductSchema,
  batches: z.array(z.string()),
  productionDates: z.string().nullable(),
  photos: z.array(z.string()),
  hazard: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  consumerActions: z.array(z.enum(CONSUMER_ACTIONS)),
  remedy: z.string(),
  producer: z.string().nullable(),
  sellers: z.array(party),
  bureauName: z.string().nullable(),
  publishedAt: z.string(),
});
export type Recall = z.infer<typeof recallSchema>;

/** Who a recall reached, for the publishing bureau (live as `recall:reach`). */
export const recallReachSchema = z.object({
  recallId: objectId,
  /** The fan-out has gone through every consumer and merchant concerned. */
  complete: z.boolean(),
  consumers: z.object({ notified: z.number().int(), read: z.number().int() }),
  merchants: z.object({ notified: z.number().int(), acknowledged: z.number().int(), pending: z.array(party) }),
});
export type RecallReach = z.infer<typeof recallReachSchema>;

/** One recipient's notice of a recall: a consumer reads it, a merchant acknowledges taking the product off sale. */
export const recallNoticeSchema = z.object({
  id: objectId,
  recallId: objectId,
  audience: z.enum(['consumer', 'merchant']),
  productName: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  notifiedAt: z.string(),
  readAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type RecallNotice = z.infer<typeof recallNoticeSchema>;
export const recallNoticeList = z.object({ items: z.array(recallNoticeSchema) });
