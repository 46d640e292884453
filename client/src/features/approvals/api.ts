import { api } from '../../api/client';

export interface PendingMerchant {
  /** The applicant's user id. */
  id: string;
  name: string;
  email: string;
  merchant: { id: string; name: string; creditCode: string };
  createdAt: string;
}

export type Decision = 'approve' | 'reject';

export async function listPendingMerchants(signal?: AbortSignal): Promise<PendingMerchant[]> {
  return (await api.get<{ items: PendingMerchant[] }>('/approvals', { signal })).items;
}

export async function decide(userId: string, decision: Decision, reason?: string): Promise<void> {
  await api.post<unknown>(`/approvals/${encodeURIComponent(userId)}`, reason ? { decision, reason } : { decision });
}
