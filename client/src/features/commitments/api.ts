import { api, type Query } from '../../api/client';
import type { Commitment, CommitmentPage } from '../../../../shared/schemas/returns';

export type { Commitment };

export interface NewCommitment {
  scope: Commitment['scope'];
  storeIds?: string[];
  windowDays: number;
  categories?: string[];
  excludedCategories?: string[];
  conditions: string;
  refundWithinHours: number;
}

export const listCommitments = (query: Query, signal?: AbortSignal) =>
  api.get<CommitmentPage>('/return-commitments', { query: { limit: 100, ...query }, signal });
export const getCommitment = (id: string, signal?: AbortSignal) => api.get<Commitment>(`/return-commitments/${id}`, { signal });
export const publishCommitment = (body: NewCommitment) => api.post<Commitment>('/return-commitments', body);
export const withdrawCommitment = (id: string) => api.post<Commitment>(`/return-commitments/${id}/transitions`, { action: 'withdraw' });
