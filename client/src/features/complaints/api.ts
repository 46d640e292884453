// Calls and shapes of the complaints API (API.md "Complaints"), shared by every complaint page.
import { currentLocale } from '../../i18n/locale';
import { api, type Query } from '../../api/client';
import type {
  Attachment,
  Complaint,
  ComplaintCounts,
  ComplaintDetail,
  ComplaintMessage,
  ComplaintOutcome,
  ComplaintResponse,
  CreateComplaintInput,
  TimelineEvent,
  TransitionInput,
} from '../../../../shared/schemas/complaint';
import type { Page } from '../../../../shared/schemas/common';
import type { ComplaintSearch } from '../../../../shared/schemas/complaintSearch';
import type { Store } from '../../../../shared/schemas/directory';

export type { Store };

export type { Attachment, Complaint, ComplaintDetail, ComplaintCounts, TimelineEvent };
export type Response = ComplaintResponse;
export type Outcome = ComplaintOutcome;
export type Message = ComplaintMessage;

export const listComplaints = (query: Query, signal?: AbortSignal) => api.get<Page<Complaint>>('/complaints', { query, signal });

/** `cursor`: a search's `nextCursor`, for the older complaints holding the words only apart. */
export const searchComplaints = (q: string, signal?: AbortSignal, cursor?: string) =>
  api.get<ComplaintSearch>('/complaints/search', { query: { q, cursor }, signal });

export const getComplaint = (id: string, signal?: AbortSignal) =>
  api.get<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`, { signal });

export const fileComplaint = (body: CreateComplaintInput, idempotencyKey: string) =>
  api.post<Complaint>('/complaints', body, { headers: { 'Idempotency-Key': idempotencyKey } });

export const transition = (id: string, body: TransitionInput) =>
  api.post<Complaint>(`/complaints/${encodeURIComponent(id)}/transitions`, body);

export const postMessage = (id: string, body: string) => api.post<Message>(`/complaints/${encodeURIComponent(id)}/messages`, { body });

export function uploadAttachment(id: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return api.post<Attachment>(`/complaints/${encodeURIComponent(id)}/attachments`, form);
}

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;

export function exportUrl(query: Query): string {
  // Region names in the file in the reader's language.
  const params = new URLSearchParams({ lang: currentLocale() });
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `/api/complaints/export.csv?${params.toString()}`;
}

export const searchStores = (query: Query, signal?: AbortSignal) =>
  api.get<Page<Store>>('/stores', { query: { limit: 50, ...query }, signal }).then((r) => r.items);

/** Today's date in China, as YYYY-MM-DD, for date inputs. */
export function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A list's result count and the same filters' count per inbox tab (status and tab filters aside). */
export const countComplaints = (query: Query, signal?: AbortSignal) => api.get<ComplaintCounts>('/complaints/counts', { query, signal });
