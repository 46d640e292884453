import { api, type Query } from '../../api/client';
import type { Figures } from './api';
import type { TrendPoint } from './TrendChart';

export interface Settings {
  threshold: number;
  days: number;
  minRequests: number;
  breaches: number;
}

export interface EvidenceRow {
  id: string;
  storeName: string;
  day: string;
  status: string;
  covered: boolean;
  breachKind: string | null;
  refusalReason: string | null;
  complaintId: string | null;
}

export interface ReviewEntry extends Figures {
  merchantId: string;
  merchantName: string;
  reasons: string[];
  stores: (Figures & { storeId: string; storeName: string; cityCode: string; flagged: boolean })[];
  evidence: { breaches: EvidenceRow[]; refusals: EvidenceRow[] };
  commitments: { id: string; scope: string; status: string }[];
  /** Set when the merchant is listed for its credit tier D: the tier and the figures behind it. */
  credit: { tier: string; figures: Record<string, number | null> } | null;
}

export interface ComplianceReport {
  settings: Settings;
  period: { from: string; to: string };
  totals: Figures;
  merchants: ReviewEntry[];
  trend: TrendPoint[];
}

export const complianceReport = (query: Query, signal?: AbortSignal) => api.get<ComplianceReport>('/compliance/returns', { query, signal });
export const saveSettings = (s: Settings) => api.put<Settings>('/compliance/returns/settings', s);
export const transitionCommitment = (id: string, action: 'suspend' | 'reinstate', reason: string) => api.post<unknown>(`/return-commitments/${id}/transitions`, { action, reason });
