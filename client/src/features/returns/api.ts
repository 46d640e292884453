// Calls and shapes of the returns API (API.md "Returns"), shared by the desk, the consumer page and compliance.
import { api, type Query } from '../../api/client';
import type { Store } from '../../../../shared/schemas/directory';
import type { CountedPage, Page } from '../../../../shared/schemas/common';
import type { CoverageReason, ReturnAnalytics, ReturnFigures, ReturnRequest } from '../../../../shared/schemas/returns';

export type { CoverageReason };

export type { ReturnRequest };
export type StoreRef = ReturnRequest['purchaseStore'];

export interface NewReturn {
  purchaseStoreId: string;
  returnStoreId: string;
  purchaseDate: string;
  amountFen: number;
  product: { name: string; category: string };
  /** The consumer's own choice; the desk never sends it. */
  contactAgreement?: boolean;
}

export type Figures = ReturnFigures;
export type Analytics = ReturnAnalytics;
export type { Store };

export const listStores = (query: Query, signal?: AbortSignal) =>
  api.get<Page<Store>>('/stores', { query: { limit: 100, ...query }, signal }).then((r) => r.items);

export const createReturn = (body: NewReturn, idempotencyKey: string) =>
  api.post<ReturnRequest>('/return-requests', body, { headers: { 'Idempotency-Key': idempotencyKey } });

export const listReturns = (query: Query, signal?: AbortSignal) =>
  api.get<CountedPage<ReturnRequest>>('/return-requests', { query: { limit: 50, ...query }, signal });

export const recordOutcome = (
  id: string,
  body: { outcome: 'honored'; refundedAt: string; amountFen: number } | { outcome: 'refused'; reason: string },
) => api.post<ReturnRequest>(`/return-requests/${id}/outcome`, body);

export const claimReturn = (code: string, contactAgreement: boolean) =>
  api.post<ReturnRequest>('/return-requests/claim', { code, contactAgreement });

export const disputeReturn = (id: string, reason: string) => api.post<ReturnRequest>(`/return-requests/${id}/dispute`, { reason });

export const returnAnalytics = (query: Query, signal?: AbortSignal) => api.get<Analytics>('/analytics/returns', { query, signal });

/** Shanghai calendar day of now, YYYY-MM-DD (the default purchase date). */
export function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
