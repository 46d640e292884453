// A consumer's control of their data (PIPL): the access log of who saw it, and closing the account.
import { z } from 'zod';
import { objectId } from './common.js';

export const ACCESS_KINDS = ['detail', 'record_pdf', 'evidence'] as const;

export const dataAccessSchema = z
  .object({
    id: objectId,
    complaintId: objectId,
    complaintNumber: z.string(),
    viewerName: z.string(),
    viewerRole: z.enum(['merchant', 'regulator', 'admin']),
    viewerOrg: z.string().optional(),
    what: z.enum(ACCESS_KINDS),
    at: z.string(),
  })
  .strict();
export type DataAccess = z.infer<typeof dataAccessSchema>;

export const dataAccessQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: objectId.optional(),
  })
  .strict();

export const closeAccountSchema = z
  .object({
    password: z.string().min(1, 'enter your password').max(200),
    /** The consumer ticked "I understand this cannot be undone". */
    confirm: z.literal(true, { message: 'confirm that the account is closed for good' }),
  })
  .strict();
export type CloseAccountInput = z.infer<typeof closeAccountSchema>;
