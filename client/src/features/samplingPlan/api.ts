// Calls of the risk-based sampling plan (server/routes/samplingPlan/router.ts).
import { api } from '../../api/client';
import type { AdjustPlanInput, PlanItem, SamplingPlan } from '../../../../shared/schemas/samplingPlan';

export type { AdjustPlanInput, PlanItem, SamplingPlan };

export const getPlan = (query: { quarter?: string; show: 'planned' | 'all'; limit: number; cursor?: string }, signal?: AbortSignal) =>
  api.get<SamplingPlan>('/sampling-plan', { query, signal });

export const adjustPlan = (body: AdjustPlanInput) => api.post<PlanItem>('/sampling-plan/adjustments', body);

export function exportPlanUrl(quarter: string, lang: string): string {
  return `/api/sampling-plan/export.csv?${new URLSearchParams({ quarter, lang: lang === 'en' ? 'en' : 'zh-CN' }).toString()}`;
}
