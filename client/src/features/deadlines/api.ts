// Calls that pause a complaint's deadline (server/routes/deadlinePauses/router.ts).
import { api } from '../../api/client';
import type { Complaint } from '../../../../shared/schemas/complaint';
import type {
  DeclinePauseInput,
  PauseDeadlineInput,
  RequestPauseInput,
  ResumeDeadlineInput,
} from '../../../../shared/schemas/deadlinePauses';

const base = (id: string) => `/complaints/${encodeURIComponent(id)}/deadline`;

export const pauseDeadline = (id: string, body: PauseDeadlineInput) => api.post<Complaint>(`${base(id)}/pause`, body);
export const resumeDeadline = (id: string, body: ResumeDeadlineInput) => api.post<Complaint>(`${base(id)}/resume`, body);
export const requestPause = (id: string, body: RequestPauseInput) => api.post<Complaint>(`${base(id)}/pause-request`, body);
export const declinePause = (id: string, body: DeclinePauseInput) => api.post<Complaint>(`${base(id)}/pause-request/decline`, body);
