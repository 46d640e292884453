import { api, type Query } from '../../api/client';
import type { Account } from '../../../../shared/schemas/accounts';

export type { Account };

export interface AccountPage {
  items: Account[];
  nextCursor: string | null;
  total: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: 'invite' | 'resend_invitation' | 'accept_invitation' | 'disable' | 'enable';
  actorName: string;
  targetName: string;
  targetEmail: string;
  orgName: string | null;
  storeName: string | null;
}

export interface Invitation {
  name: string;
  email: string;
  role: string;
  orgName: string | null;
  storeName: string | null;
  expiresAt: string;
}

export const listAccounts = (query: Query, signal?: AbortSignal) => api.get<AccountPage>('/users', { query: { limit: 20, ...query }, signal });
export const inviteAccount = (body: Record<string, string>) => api.post<Account>('/users/invitations', body);
export const accountAction = (id: string, action: 'disable' | 'enable' | 'resend-invitation') => api.post<Account>(`/users/${id}/${action}`, {});
export const listAudit = (signal?: AbortSignal) => api.get<{ items: AuditEntry[]; nextCursor: string | null }>('/audit/accounts', { query: { limit: 20 }, signal });
export const getInvitation = (token: string, signal?: AbortSignal) => api.get<Invitation>(`/invitations/${token}`, { signal });
export const acceptInvitation = (token: string, password: string) => api.post<unknown>(`/invitations/${token}/accept`, { password });
