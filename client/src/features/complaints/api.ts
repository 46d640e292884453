// Calls and shapes of the complaints API (API.md "Complaints"), shared by every complaint page.
import { currentLocale } from '../../i18n/locale';
import { api, type Query } from '../../api/client';
import type { Complaint as ComplaintBase, ComplaintCounts, CreateComplaintInput, TransitionInput } from '../../../../shared/schemas/complaint';

export interface Response {
  responseType: 'accepted' | 'rejected' | 'not_concerned';
  remedy?: { type: string; amountFen?: number };
  messageToConsumer: string;
  /** Absent for consumers: the server keeps the bureau's note from them. */
  noteToRegulator?: string;
  at: string;
  consumerReply?: { accepted: boolean; auto?: boolean; reason?: string; at: string };
}

export interface Outcome {
  kind: string;
  reason?: string;
  reasonCode?: string;
  agreement?: string;
  auto?: boolean;
  at: string;
}

export type Complaint = Omit<ComplaintBase, 'response' | 'outcome'> & {
  response?: Response;
  outcome?: Outcome;
  closedAt?: string;
  promiseCheckAt?: string;
};

export interface TimelineEvent {
  seq: number;
  action: string;
  from: string | null;
  to: string;
  party: string;
  at: string;
  data: Record<string, unknown>;
}

export interface Message {
  id: string;
  complaintId: string;
  party: 'consumer' | 'merchant' | 'regulator';
  /** Null when the consumer chose to stay anonymous to the merchant. */
  authorName: string | null;
  body: string;
  at: string;
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  at?: string;
}

export interface ComplaintDetail extends Complaint {
  timeline: TimelineEvent[];
  messages: Message[];
  attachments: Attachment[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Store {
  id: string;
  merchantId: string;
  merchantName: string;
  name: string;
  countyCode: string;
  cityCode: string;
  address: string;
}

export const listComplaints = (query: Query, signal?: AbortSignal) => api.get<Page<Complaint>>('/complaints', { query, signal });

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
