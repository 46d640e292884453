import { api } from '../../api/client';
import type { z } from 'zod';
import type { PendingMerchant, pendingMerchantList } from '../../../../shared/schemas/auth';

export type { PendingMerchant };

export type Decision = 'approve' | 'reject';

export async function listPendingMerchants(signal?: AbortSignal): Promise<PendingMerchant[]> {
  return (await api.get<z.infer<typeof pendingMerchantList>>('/approvals', { signal })).items;
}

export async function decide(userId: string, decision: Decision, reason?: string): Promise<void> {
  await api.post<unknown>(`/approvals/${encodeURIComponent(userId)}`, reason ? { decision, reason } : { decision });
}
