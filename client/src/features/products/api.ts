// Problem-product flags, enforcement cases, the public list, sampling imports, thresholds and the
// abuse queue (API.md "Problem products and hotspots").
import type { z } from 'zod';
import { api } from '../../api/client';
import type { CountedPage, Page } from '../../../../shared/schemas/common';
import type { Merchant } from '../../../../shared/schemas/directory';
import type {
  AbuseReview,
  Case,
  CaseAction,
  Flag,
  FlagComplaint,
  FlagListItem,
  FlagRules,
  flagRulesResponse,
  ImportJob,
  importStarted,
  mergeResponse,
  ProductSnapshot,
  PublicCase,
  SamplingResult,
} from '../../../../shared/schemas/products';

export type { AbuseReview, Case, Flag, FlagComplaint, FlagListItem, ImportJob, Merchant, PublicCase, SamplingResult };
export type ProductRef = ProductSnapshot;
/** What a product line shows: a product record, or the public list's product without its id. */
export type ProductLabel = PublicCase['product'];
/** A failed sampling as a flag's evidence keeps it. */
export type FlagSampling = Flag['evidence']['samplingResults'][number];

export const listFlags = (query: { status?: string; category?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
  api.get<CountedPage<FlagListItem>>('/product-flags', { query, signal });
export const getFlag = (id: string, signal?: AbortSignal) =>
  api.get<Flag & { complaints: FlagComplaint[] }>(`/product-flags/${id}`, { signal });

export const listCases = (query: { status?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
  api.get<CountedPage<Case>>('/enforcement-cases', { query, signal });
export const getCase = (id: string, signal?: AbortSignal) => api.get<Case>(`/enforcement-cases/${id}`, { signal });
export const openCase = (flagId: string, note?: string) => api.post<Case>('/enforcement-cases', note ? { flagId, note } : { flagId });
export const moveCase = (
  id: string,
  body: { action: CaseAction; note: string; expectedVersion: number; public?: boolean; finding?: string; measures?: string },
) => api.post<Case>(`/enforcement-cases/${id}/transitions`, body);

export const listPublic = (query: { category?: string; cursor?: string }, signal?: AbortSignal) =>
  api.get<Page<PublicCase>>('/public/problem-products', { query, signal });

export function importSampling(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<z.infer<typeof importStarted>>('/sampling-results/import', form);
}
export const getImportJob = (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/import-jobs/${id}`, { signal });

export const getRules = (signal?: AbortSignal) => api.get<z.infer<typeof flagRulesResponse>>('/flag-rules', { signal });
export const saveRules = (rules: FlagRules, expectedVersion: number) =>
  api.put<z.infer<typeof flagRulesResponse>>('/flag-rules', { rules, expectedVersion });

export const listAbuse = (status: string, signal?: AbortSignal) =>
  api.get<Page<AbuseReview>>('/abuse-reviews', { query: { status }, signal });
export const decideAbuse = (id: string, decision: 'cleared' | 'confirmed', note: string) =>
  api.post<AbuseReview>(`/abuse-reviews/${id}/decision`, { decision, note });

export const getMerchant = (id: string, signal?: AbortSignal) => api.get<Merchant>(`/merchants/${id}`, { signal });

export const searchProducts = (q: string, category: string, signal?: AbortSignal) =>
  api.get<Page<ProductRef>>('/products', { query: { q, category, limit: 10 }, signal });
export const mergeProducts = (fromId: string, intoId: string, note: string) =>
  api.post<z.infer<typeof mergeResponse>>('/products/merge', {
    fromId,
    intoId,
    note: note || undefined,
  });
