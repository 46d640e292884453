// Calls of the response templates: the organisation's list, saving, deleting, and one filled for a complaint.
import { api } from '../../api/client';
import type { FilledTemplate, ResponseTemplate, TemplateInput } from '../../../../shared/schemas/templates';

export type { FilledTemplate, ResponseTemplate, TemplateInput };

const one = (id: string) => `/response-templates/${encodeURIComponent(id)}`;

export const listTemplates = (signal?: AbortSignal) =>
  api.get<{ items: ResponseTemplate[] }>('/response-templates', { signal }).then((r) => r.items);
export const createTemplate = (input: TemplateInput) => api.post<ResponseTemplate>('/response-templates', input);
export const updateTemplate = (id: string, input: TemplateInput) => api.put<ResponseTemplate>(one(id), input);
export const deleteTemplate = (id: string) => api.delete<{ ok: true }>(one(id));
export const fillTemplate = (id: string, complaintId: string) =>
  api.get<FilledTemplate>(`${one(id)}/fill?complaintId=${encodeURIComponent(complaintId)}`);
