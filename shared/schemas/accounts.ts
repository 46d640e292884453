// Account management: the 用户 page (admins, bureaus for their officers), merchant staff, invitations.
import { z } from 'zod';
import { ACCOUNT_STATUSES, ROLES } from '../enums.js';
import { objectId } from './common.js';
import { regionCode } from './directory.js';

const email = z.string().trim().toLowerCase().email('must be an email address').max(200);

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: objectId.optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const accountSchema = z.object({
  id: objectId,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
  orgId: objectId.nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string().nullable(),
  storeId: objectId.nullable(),
  storeName: z.string().nullable(),
  createdAt: z.string(),
  /** The signed-in manager may disable, enable or re-invite this account (not their own). */
  manageable: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountPage = z.object({ items: z.array(accountSchema), nextCursor: z.string().nullable(), total: z.number().int() });

/**
 * An invitation. Merchants invite staff of one of their stores (`storeId`) or of headquarters (none);
 * bureaus invite officers of their own bureau; admins invite admins or officers of a region's bureau.
 */
export const inviteSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    email,
    role: z.enum(['merchant', 'regulator', 'admin']).optional(),
    storeId: objectId.optional(),
    regionCode: regionCode.optional(),
  })
  .strict();
export type InviteInput = z.infer<typeof inviteSchema>;

export const invitationSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  orgName: z.string().nullable(),
  storeName: z.string().nullable(),
  expiresAt: z.string(),
});

export const invitationParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be an invitation token') });
export const acceptInvitationSchema = z.object({ password: z.string().min(10, 'must be at least 10 characters').max(200) }).strict();

export const AUDIT_ACTIONS = ['invite', 'resend_invitation', 'accept_invitation', 'disable', 'enable'] as const;

export const auditEntrySchema = z.object({
  id: objectId,
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actorName: z.string(),
  actorRole: z.enum(ROLES),
  targetId: objectId,
  targetName: z.string(),
  targetEmail: z.string(),
  orgName: z.string().nullable(),
  storeName: z.string().nullable(),
});
export const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: objectId.optional() });
export const auditPage = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
