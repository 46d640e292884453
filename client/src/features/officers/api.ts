// Calls of a bureau's work tools: its officers, assigning a complaint, internal notes.
import { api } from '../../api/client';
import type { Complaint } from '../../../../shared/schemas/complaint';
import type { BulkInput, BulkJob } from '../../../../shared/schemas/bulk';
import type { z } from 'zod';
import type { ComplaintNote, complaintNoteListSchema, Officer, officerListSchema } from '../../../../shared/schemas/officers';

export type { BulkInput, BulkJob, ComplaintNote, Officer };

export const listOfficers = (signal?: AbortSignal) =>
  api.get<z.infer<typeof officerListSchema>>('/officers', { signal }).then((r) => r.items);

export const assign = (id: string, assigneeId: string, expectedVersion: number) =>
  api.post<Complaint>(`/complaints/${encodeURIComponent(id)}/assignment`, { assigneeId, expectedVersion });

export const listNotes = (id: string, signal?: AbortSignal) =>
  api.get<z.infer<typeof complaintNoteListSchema>>(`/complaints/${encodeURIComponent(id)}/notes`, { signal }).then((r) => r.items);

export const writeNote = (id: string, body: string) => api.post<ComplaintNote>(`/complaints/${encodeURIComponent(id)}/notes`, { body });

export const createBulkJob = (input: BulkInput, idempotencyKey: string) =>
  api.post<BulkJob>('/bulk-jobs', input, { headers: { 'Idempotency-Key': idempotencyKey } });

export const getBulkJob = (id: string, signal?: AbortSignal) => api.get<BulkJob>(`/bulk-jobs/${encodeURIComponent(id)}`, { signal });
