import { api } from '../../api/client';
import type { Page } from '../../../../shared/schemas/common';
import type { OutboxMail } from '../../../../shared/schemas/notification';

export type { OutboxMail };
export type MailStatus = OutboxMail['status'];

export const listOutbox = (query: { status?: MailStatus; cursor?: string }, signal?: AbortSignal) =>
  api.get<Page<OutboxMail>>('/admin/outbox', { query: { limit: 50, ...query }, signal });

export const emlUrl = (id: string) => `/api/admin/outbox/${encodeURIComponent(id)}.eml`;
