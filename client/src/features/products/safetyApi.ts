// Incident reports and post-sampling follow-ups (issue 12 items 3 and 5).
import { api } from '../../api/client';
import type { CountedPage, Page } from '../../../../shared/schemas/common';
import type { FollowUp, FollowUpFigures, ResamplingInput } from '../../../../shared/schemas/followUps';
import type { Incident, ReportIncidentInput } from '../../../../shared/schemas/incidents';
import type { ProductSnapshot } from '../../../../shared/schemas/products';

export type { FollowUp, FollowUpFigures, Incident };

export const listIncidents = (signal?: AbortSignal) => api.get<CountedPage<Incident>>('/incidents', { query: { limit: 100 }, signal });
export const getIncident = (id: string, signal?: AbortSignal) => api.get<Incident>(`/incidents/${id}`, { signal });
export const reportIncident = (body: ReportIncidentInput) => api.post<Incident>('/incidents', body);
export const findProducts = (q: string) => api.get<Page<ProductSnapshot>>('/incident-products', { query: { q } });

export const listFollowUps = (query: { status?: string; overdue?: string }, signal?: AbortSignal) =>
  api.get<CountedPage<FollowUp>>('/sampling-follow-ups', { query: { ...query, limit: 100 }, signal });
export const getFollowUpFigures = (signal?: AbortSignal) => api.get<FollowUpFigures>('/sampling-follow-ups/figures', { signal });
export const getFollowUp = (id: string, signal?: AbortSignal) => api.get<FollowUp>(`/sampling-follow-ups/${id}`, { signal });
export function sendReport(id: string, text: string, file: File | null) {
  const form = new FormData();
  form.append('text', text);
  if (file) form.append('file', file);
  return api.post<FollowUp>(`/sampling-follow-ups/${id}/report`, form);
}
export const recordResampling = (id: string, body: ResamplingInput) => api.post<FollowUp>(`/sampling-follow-ups/${id}/resampling`, body);
