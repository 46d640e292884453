import { api } from '../../api/client';

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  /** How it left: through SMTP, or written as an .eml file. */
  transport: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export const listOutbox = (query: { status?: MailStatus; cursor?: string }, signal?: AbortSignal) =>
  api.get<{ items: OutboxMail[]; nextCursor: string | null }>('/admin/outbox', { query: { limit: 50, ...query }, signal });

export const emlUrl = (id: string) => `/api/admin/outbox/${encodeURIComponent(id)}.eml`;
