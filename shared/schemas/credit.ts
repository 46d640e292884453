// A merchant's credit inputs and its contests (issue 11 item 3): the merchant sees which complaints
// count towards its credit tier and how, and contests one with a reason and evidence; the bureau with
// jurisdiction over the complaint accepts (the complaint leaves the credit inputs and the tier is
// recomputed) or rejects, with its reason.
import { z } from 'zod';
import { CATEGORIES, COMPLAINT_STATUSES } from '../enums.js';
import { countedPage, objectId, offsetCursor } from './common.js';
import { regionCode } from './directory.js';

/** Days of complaints the credit tier counts (server/products/credit.ts). */
export const CREDIT_WINDOW_DAYS = 180;
export const CONTEST_STATES = ['open', 'accepted', 'rejected'] as const;
export type ContestState = (typeof CONTEST_STATES)[number];

export const creditInputsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: offsetCursor }).strict();

/** What one complaint adds to the tier's figures. */
export const creditCountsSchema = z.object({
  /** Counted in the complaints per store. */
  complaint: z.literal(true),
  /** Answered within the deadline (true), late (false), not decided yet (null). */
  timely: z.boolean().nullable(),
  /** Closed and rated resolved, resolved but unrated, rated dissatisfied, closed without resolution, still open. */
  resolution: z.enum(['resolved', 'unrated', 'dissatisfied', 'unresolved', 'open']),
  /** A return refused under a commitment (a breach). */
  breach: z.boolean(),
  promise: z.enum(['kept', 'broken', 'pending']).nullable(),
});

export const contestRefSchema = z.object({ id: objectId, state: z.enum(CONTEST_STATES) });

export const creditInputSchema = z.object({
  complaintId: objectId,
  number: z.string(),
  filedAt: z.string(),
  storeName: z.string(),
  productName: z.string(),
  category: z.enum(CATEGORIES),
  problemType: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  counts: creditCountsSchema,
  /** Left out of the tier after an accepted contest. */
  excluded: z.boolean(),
  /** The latest contest of this complaint, if any. */
  contest: contestRefSchema.nullable(),
});
export type CreditInput = z.infer<typeof creditInputSchema>;

export const creditInputsSchema = z.object({
  /** The stored tier and its figures (null before the first computation). */
  creditTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  figures: z.record(z.string(), z.number().nullable()),
  computedAt: z.string().nullable(),
  windowDays: z.number().int(),
  /** Complaints left out after accepted contests. */
  excluded: z.number().int(),
  items: z.array(creditInputSchema),
  nextCursor: z.string().nullable(),
});
export type CreditInputs = z.infer<typeof creditInputsSchema>;

/** A contest (multipart: `complaintId`, `reason` and the evidence `file`: image or PDF, at most 10 MB). */
export const creditContestInput = z
  .object({ complaintId: objectId, reason: z.string().trim().min(5, 'say why this complaint should not count').max(4000) })
  .strict();

export const contestDecisionInput = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().trim().min(2, 'give the reason of the decision').max(4000),
  })
  .strict();
export type ContestDecisionInput = z.infer<typeof contestDecisionInput>;

export const creditContestQuery = z
  .object({
    state: z.enum(CONTEST_STATES).optional(),
    region: regionCode.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: offsetCursor,
  })
  .strict();

export const creditContestSchema = z.object({
  id: objectId,
  merchantId: objectId,
  merchantName: z.string(),
  complaintId: objectId,
  complaintNumber: z.string(),
  storeName: z.string(),
  productName: z.string(),
  /** The bureau's region with jurisdiction: the one handling the complaint. */
  regionCode: z.string(),
  reason: z.string(),
  /** The evidence file (GET /api/credit/contests/:id/evidence). */
  evidence: z.object({ name: z.string(), size: z.number().int(), contentType: z.string() }),
  state: z.enum(CONTEST_STATES),
  filedAt: z.string(),
  /** Filed, then decided: who, when, what they said. */
  timeline: z.array(z.object({ at: z.string(), action: z.enum(['filed', 'accepted', 'rejected']), byName: z.string(), text: z.string() })),
});
export type CreditContest = z.infer<typeof creditContestSchema>;
export const creditContestPage = countedPage(creditContestSchema);
