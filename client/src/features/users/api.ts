import { api, type Query } from '../../api/client';
import type { z } from 'zod';
import type { userBody } from '../../../../shared/schemas/auth';
import type { Account, accountPage, auditEntrySchema, auditPage, invitationSchema } from '../../../../shared/schemas/accounts';

export type { Account };

export type AccountPage = z.infer<typeof accountPage>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPage>;
export type Invitation = z.infer<typeof invitationSchema>;

export const listAccounts = (query: Query, signal?: AbortSignal) =>
  api.get<AccountPage>('/users', { query: { limit: 20, ...query }, signal });
export const inviteAccount = (body: Record<string, string>) => api.post<Account>('/users/invitations', body);
export const accountAction = (id: string, action: 'disable' | 'enable' | 'resend-invitation') =>
  api.post<Account>(`/users/${id}/${action}`, {});
export const listAudit = (signal?: AbortSignal) => api.get<AuditPage>('/audit/accounts', { query: { limit: 20 }, signal });
export const getInvitation = (token: string, signal?: AbortSignal) => api.get<Invitation>(`/invitations/${token}`, { signal });
export const acceptInvitation = (token: string, password: string) =>
  api.post<z.infer<typeof userBody>>(`/invitations/${token}/accept`, { password });
