import { z } from 'zod';
import { objectId } from './common.js';

export const notificationQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: objectId.optional(),
  })
  .strict();

export const notificationSchema = z.object({
  id: objectId,
  kind: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  body: z.string(),
  link: z.string(),
  complaintId: z.string().nullable(),
  read: z.boolean(),
  at: z.string(),
});

export type AppNotification = z.infer<typeof notificationSchema>;

export const notificationPage = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});

export const readAllResponse = z.object({ updated: z.number().int(), unreadCount: z.number().int() });

export const outboxQuery = z
  .object({
    status: z.enum(['pending', 'sent', 'failed']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: objectId.optional(),
  })
  .strict();

export const outboxMailSchema = z.object({
  id: objectId,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  transport: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;
