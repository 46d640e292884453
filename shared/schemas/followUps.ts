// Post-sampling follow-up (监督抽查后处理, issue 12 item 5): a failed sampling orders the producer to
// rectify by a deadline in working days, takes its rectification report and a re-sampling by a due
// date; an overdue follow-up escalates to an enforcement case once.
import { z } from 'zod';
import { countedPage, objectId, offsetCursor } from './common.js';
import { regionCode } from './directory.js';
import { productLabelSchema } from './productLabel.js';

export const FOLLOW_UP_STATUSES = ['rectifying', 'reported', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** Working days the producer has to rectify, and then the bureau to re-sample. */
export const RECTIFICATION_WORKING_DAYS = 20;
export const RESAMPLING_WORKING_DAYS = 20;

export const followUpQuery = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  /** `true`: only the overdue ones (escalated or about to be). */
  overdue: z.enum(['true', 'false']).optional(),
  region: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: offsetCursor,
});
export const followUpFiguresQuery = z.object({ region: regionCode.optional() });

/** The producer's rectification report (multipart: `text` and an optional `file`). */
export const rectificationReportSchema = z.object({ text: z.string().trim().min(1, 'the report needs its text').max(8000) }).strict();

/** A re-sampling the bureau records (an imported one closes the follow-up by itself). */
export const resamplingSchema = z
  .object({
    passed: z.boolean(),
    sampledOn: z.iso.date(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ResamplingInput = z.infer<typeof resamplingSchema>;

export const followUpSchema = z.object({
  id: objectId,
  samplingResultId: objectId,
  productId: objectId,
  product: productLabelSchema,
  producer: z.string(),
  merchantId: objectId.nullable(),
  batch: z.string().nullable(),
  sampledOn: z.string(),
  failedItems: z.array(z.string()),
  authority: z.string().nullable(),
  regionCode: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  orderedAt: z.string(),
  rectificationDueAt: z.string(),
  resamplingDueAt: z.string(),
  report: z
    .object({
      text: z.string(),
      /** The attached file (GET /api/sampling-follow-ups/:id/report-file), if any. */
      file: z.object({ name: z.string(), size: z.number().int(), contentType: z.string() }).nullable(),
      at: z.string(),
    })
    .nullable(),
  resampling: z.object({ passed: z.boolean(), sampledOn: z.string(), note: z.string().nullable(), at: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  overdue: z.boolean(),
  caseId: objectId.nullable(),
  escalatedAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
export const followUpPage = countedPage(followUpSchema);

/** Figures of a region's follow-ups. Rates are null when nothing was counted. */
export const followUpFiguresSchema = z.object({
  region: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  closedOnTimeRate: z.number().nullable(),
  resampled: z.number().int(),
  resamplingPassed: z.number().int(),
  resamplingPassRate: z.number().nullable(),
});
export type FollowUpFigures = z.infer<typeof followUpFiguresSchema>;
