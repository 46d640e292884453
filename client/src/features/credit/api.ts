// A merchant's credit inputs and contests; the bureaus' contest list and decisions (docs/indices.md).
import { api } from '../../api/client';
import type { CountedPage } from '../../../../shared/schemas/common';
import type { ContestDecisionInput, CreditContest, CreditInputs } from '../../../../shared/schemas/credit';

export type { CreditContest, CreditInputs };

export const getCreditInputs = (cursor: string | undefined, signal?: AbortSignal) =>
  api.get<CreditInputs>('/credit/inputs', { query: { limit: 50, cursor }, signal });
export const listContests = (state: string, signal?: AbortSignal) =>
  api.get<CountedPage<CreditContest>>('/credit/contests', { query: { state: state || undefined, limit: 100 }, signal });
export function fileContest(complaintId: string, reason: string, file: File) {
  const form = new FormData();
  form.append('complaintId', complaintId);
  form.append('reason', reason);
  form.append('file', file);
  return api.post<CreditContest>('/credit/contests', form);
}
export const decideContest = (id: string, body: ContestDecisionInput) => api.post<CreditContest>(`/credit/contests/${id}/decision`, body);
