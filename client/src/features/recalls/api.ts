// Recall notices (issue 12): the public list and page, publication, reach figures, one's own notices.
import { api } from '../../api/client';
import type { Page } from '../../../../shared/schemas/common';
import type { z } from 'zod';
import type { PublishRecallInput, Recall, RecallNotice, recallNoticeList, RecallReach } from '../../../../shared/schemas/recalls';

export type { Recall, RecallNotice, RecallReach };

export const listRecalls = (signal?: AbortSignal) => api.get<Page<Recall>>('/public/recalls', { signal });
export const getRecall = (id: string, signal?: AbortSignal) => api.get<Recall>(`/public/recalls/${id}`, { signal });
export const getReach = (id: string, signal?: AbortSignal) => api.get<RecallReach>(`/recalls/${id}/reach`, { signal });
export const getMyNotice = (id: string, signal?: AbortSignal) => api.get<RecallNotice>(`/recalls/${id}/notice`, { signal });
export const listMyNotices = (signal?: AbortSignal) => api.get<z.infer<typeof recallNoticeList>>('/recall-notices', { signal });
export const markRead = (id: string) => api.post<RecallNotice>(`/recalls/${id}/read`, {});
export const acknowledge = (id: string) => api.post<RecallNotice>(`/recalls/${id}/acknowledge`, {});
export const publishRecall = (caseId: string, body: PublishRecallInput) =>
  api.post<Recall>(`/enforcement-cases/${caseId}/recall-notice`, body);
