import { api, type Query } from '../../api/client';

export interface CommitmentStore {
  id: string;
  name: string;
  countyCode: string;
  cityCode: string;
  address: string;
  acceptsOtherStores: boolean;
}

export interface Commitment {
  id: string;
  merchantId: string;
  merchantName: string;
  scope: 'store' | 'chain_city' | 'chain_province';
  status: 'active' | 'suspended' | 'withdrawn';
  windowDays: number;
  categories: string[];
  excludedCategories: string[];
  legalExclusions: string[];
  conditions: string;
  refundWithinHours: number;
  stores: CommitmentStore[];
  honorRate: number | null;
  createdAt: string;
  history?: { seq: number; action: string; reason: string | null; actorRole: string | null; at: string }[];
}

export interface NewCommitment {
  scope: Commitment['scope'];
  storeIds?: string[];
  windowDays: number;
  categories?: string[];
  excludedCategories?: string[];
  conditions: string;
  refundWithinHours: number;
}

export const listCommitments = (query: Query, signal?: AbortSignal) => api.get<{ items: Commitment[]; nextCursor: string | null }>('/return-commitments', { query: { limit: 100, ...query }, signal });
export const getCommitment = (id: string, signal?: AbortSignal) => api.get<Commitment>(`/return-commitments/${id}`, { signal });
export const publishCommitment = (body: NewCommitment) => api.post<Commitment>('/return-commitments', body);
export const withdrawCommitment = (id: string) => api.post<Commitment>(`/return-commitments/${id}/transitions`, { action: 'withdraw' });
