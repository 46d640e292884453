// 投诉公示: the published complaints, readable signed out, filtered by merchant, city, category, problem type.
import { api } from '../../api/client';
import type { Page } from '../../../../shared/schemas/common';
import type { PublicComplaint, PublicComplaintQuery } from '../../../../shared/schemas/disclosure';

export type { PublicComplaint };
export type PublicFilters = Partial<Omit<PublicComplaintQuery, 'limit'>>;

export const listPublicComplaints = (query: PublicFilters & { limit?: number }, signal?: AbortSignal) =>
  api.get<Page<PublicComplaint> & { total: number }>('/public/complaints', { query: { limit: 20, ...query }, signal });
