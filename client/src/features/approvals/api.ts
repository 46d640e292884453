import { api } from '../../api/client';
import type { PendingMerchant } from '../../../../shared/schemas/auth';

export type { PendingMerchant };

export type Decision = 'approve' | 'reject';

export async function listPendingMerchants(signal?: AbortSignal): Promise<PendingMerchant[]> {
  return (await api.get<{ items: PendingMerchant[] }>('/approvals', { signal })).items;
}

export async function decide(userId: string, decision: Decision, reason?: string): Promise<void> {
  await api.post<unknown>(`/approvals/${encodeURIComponent(userId)}`, reason ? { decision, reason } : { decision });
}
