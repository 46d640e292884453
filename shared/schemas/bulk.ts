// Bulk actions on the complaint queue (issue #10, item 3): assign, transfer, accept or export many
// complaints in one durable job with live progress and a result per complaint.
import { z } from 'zod';
import { countQuery } from './complaint.js';
import { objectId } from './common.js';

export const BULK_ACTIONS = ['assign', 'transfer', 'accept', 'export'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The most complaints one job takes; a broader filter is narrowed first. */
export const BULK_MAX = 1000;

export const bulkInput = z
  .object({
    action: z.enum(BULK_ACTIONS),
    /** The chosen complaints with the version each showed (a later change makes it a conflict)… */
    items: z
      .array(z.object({ id: objectId, version: z.number().int().min(1) }).strict())
      .min(1)
      .max(BULK_MAX)
      .optional(),
    /** …or every complaint the queue filter matches now. */
    filter: countQuery.optional(),
    assigneeId: objectId.optional(),
    toRegion: z
      .string()
      .regex(/^33\d{4}$/, 'must be a Zhejiang county code')
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.items === !v.filter) ctx.addIssue({ code: 'custom', path: ['items'], message: 'give either items or filter' });
    if (v.action === 'assign' && !v.assigneeId) ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'is required to assign' });
    if (v.action === 'transfer' && !v.toRegion) ctx.addIssue({ code: 'custom', path: ['toRegion'], message: 'is required to transfer' });
  });
export type BulkInput = z.infer<typeof bulkInput>;

export const bulkResultSchema = z
  .object({
    complaintId: objectId,
    number: z.string(),
    outcome: z.enum(['done', 'skipped']),
    /** Why it was skipped: an error code (version_conflict, invalid_transition, already_assigned, not_found…). */
    reason: z.string().optional(),
  })
  .strict();
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkJobSchema = z
  .object({
    id: objectId,
    action: z.enum(BULK_ACTIONS),
    status: z.enum(['running', 'done']),
    total: z.number().int(),
    done: z.number().int(),
    skipped: z.number().int(),
    results: z.array(bulkResultSchema),
    /** An export's CSV, once the job is done. */
    exportUrl: z.string().optional(),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .strict();
export type BulkJob = z.infer<typeof bulkJobSchema>;
