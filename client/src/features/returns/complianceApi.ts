import { api, type Query } from '../../api/client';
import type { Commitment, ComplianceReport, ComplianceSettings } from '../../../../shared/schemas/returns';

export type { ComplianceReport };
export type Settings = ComplianceSettings;
export type ReviewEntry = ComplianceReport['merchants'][number];
export type EvidenceRow = ReviewEntry['evidence']['breaches'][number];

export const complianceReport = (query: Query, signal?: AbortSignal) => api.get<ComplianceReport>('/compliance/returns', { query, signal });
export const saveSettings = (s: Settings) => api.put<Settings>('/compliance/returns/settings', s);
export const transitionCommitment = (id: string, action: 'suspend' | 'reinstate', reason: string) =>
  api.post<Commitment>(`/return-commitments/${id}/transitions`, { action, reason });
