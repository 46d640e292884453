// Problem-product flags, enforcement cases, the public list, sampling imports, thresholds and the
// abuse queue (API.md "Problem products and hotspots").
import type { ImportLineError } from '../../../../shared/schemas/products';
import { api } from '../../api/client';
import type { FlagRules, CaseAction, CaseStatus } from '../../../../shared/schemas/products';

export interface ProductRef {
  id?: string;
  name: string;
  category: string;
  gtin?: string | null;
  brand?: string | null;
  model?: string | null;
  producer?: string | null;
}

/** A failed sampling as kept in a flag's evidence. */
export interface SamplingResult {
  id: string;
  producer?: string;
  batch: string;
  sampledOn: string;
  passed: boolean;
  failedItems: string[];
  authority: string;
  regionCode: string;
}

export interface Flag {
  id: string;
  productId: string;
  product: ProductRef;
  category: string;
  rules: string[];
  score: number;
  status: 'open' | 'case_opened' | 'closed' | 'dismissed';
  evidence: {
    complaintIds: string[];
    complaintCount: number;
    merchantCount: number;
    regionCodes: string[];
    cityCodes: string[];
    merchantIds: string[];
    samplingFailures: number;
    safetyIncidents: number;
    complaintsInVolumeWindow: number;
    samplingResults: SamplingResult[];
  };
  regionCodes: string[];
  caseId: string | null;
  raisedAt: string | null;
  updatedAt: string | null;
}

export interface FlagComplaint {
  id: string;
  day: string;
  countyCode: string;
  merchantId: string;
  merchantName: string | null;
  storeName: string | null;
  problemType: string;
  safety: boolean;
  status: string;
}

export interface LogEntry {
  seq: number;
  action: string;
  to: string;
  note: string;
  actorName?: string;
  at: string;
}

export interface Case {
  id: string;
  flagId: string;
  productId: string;
  product: ProductRef;
  producer: string | null;
  status: CaseStatus;
  version: number;
  assignedRegion: string;
  bureauName: string | null;
  public: boolean;
  finding: string | null;
  measures: string | null;
  log: LogEntry[];
  createdAt: string | null;
  updatedAt: string | null;
}

export interface PublicCase {
  id: string;
  product: ProductRef;
  producer: string | null;
  finding: string | null;
  measures: string | null;
  status: CaseStatus;
  bureauName: string | null;
  date: string | null;
  /** The merchants whose complaints made the case, each with a public profile. */
  merchants: { id: string; name: string }[];
}

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  inserted: number;
  duplicates: number;
  errors: ImportLineError[];
}

export interface AbuseReview {
  id: string;
  consumerId: string;
  consumerName: string | null;
  status: 'pending' | 'cleared' | 'confirmed';
  evidence: { windowDays?: number; complaintCount?: number; merchantCount?: number; templateShare?: number; sameTemplateCount?: number; complaintIds?: string[] };
  regionCodes: string[];
  note: string | null;
  createdAt: string | null;
}

export interface Merchant {
  id: string;
  name: string;
  creditCode: string;
  countyCode?: string;
  isChain: boolean;
  creditTier: 'A' | 'B' | 'C' | 'D' | null;
  figures: Record<string, number | null>;
  stores?: { id: string; name: string; countyCode: string; address: string }[];
}

type Page<T> = { items: T[]; nextCursor: string | null };

export const listFlags = (query: { status?: string; category?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
  api.get<Page<Flag>>('/product-flags', { query, signal });
export const getFlag = (id: string, signal?: AbortSignal) => api.get<Flag & { complaints: FlagComplaint[] }>(`/product-flags/${id}`, { signal });

export const listCases = (query: { status?: string; limit?: number; cursor?: string }, signal?: AbortSignal) => api.get<Page<Case>>('/enforcement-cases', { query, signal });
export const getCase = (id: string, signal?: AbortSignal) => api.get<Case>(`/enforcement-cases/${id}`, { signal });
export const openCase = (flagId: string, note?: string) => api.post<Case>('/enforcement-cases', note ? { flagId, note } : { flagId });
export const moveCase = (id: string, body: { action: CaseAction; note: string; expectedVersion: number; public?: boolean; finding?: string; measures?: string }) =>
  api.post<Case>(`/enforcement-cases/${id}/transitions`, body);

export const listPublic = (query: { category?: string; cursor?: string }, signal?: AbortSignal) => api.get<Page<PublicCase>>('/public/problem-products', { query, signal });

export function importSampling(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ jobId: string }>('/sampling-results/import', form);
}
export const getImportJob = (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/import-jobs/${id}`, { signal });

export const getRules = (signal?: AbortSignal) => api.get<{ version: number; rules: FlagRules; updatedAt: string | null }>('/flag-rules', { signal });
export const saveRules = (rules: FlagRules, expectedVersion: number) => api.put<{ version: number; rules: FlagRules }>('/flag-rules', { rules, expectedVersion });

export const listAbuse = (status: string, signal?: AbortSignal) => api.get<Page<AbuseReview>>('/abuse-reviews', { query: { status }, signal });
export const decideAbuse = (id: string, decision: 'cleared' | 'confirmed', note: string) => api.post<AbuseReview>(`/abuse-reviews/${id}/decision`, { decision, note });

export const getMerchant = (id: string, signal?: AbortSignal) => api.get<Merchant>(`/merchants/${id}`, { signal });

export const searchProducts = (q: string, category: string, signal?: AbortSignal) => api.get<Page<ProductRef & { id: string }>>('/products', { query: { q, category, limit: 10 }, signal });
export const mergeProducts = (fromId: string, intoId: string, note: string) =>
  api.post<{ intoId: string; moved: { complaints: number; samplings: number } }>('/products/merge', { fromId, intoId, note: note || undefined });
