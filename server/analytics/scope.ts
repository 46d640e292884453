// Which complaints a figure covers: the region (checked by regionFor in server/policies/), period and
// category, as a $match on the pre-bucketed fields of the complaint facts.
import type { AnalyticsFilter } from '../../shared/schemas/analytics.js';
import { regionLevel } from '../../shared/regions.js';

export function regionField(region: string): 'provinceCode' | 'cityCode' | 'countyCode' {
  const level = regionLevel(region);
  return level === 'province' ? 'provinceCode' : level === 'city' ? 'cityCode' : 'countyCode';
}

export function factMatch(region: string, f: Pick<AnalyticsFilter, 'from' | 'to' | 'category'>): Record<string, unknown> {
  const m: Record<string, unknown> = { [regionField(region)]: region };
  if (f.from || f.to) m.day = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lte: f.to } : {}) };
  if (f.category) m.category = f.category;
  return m;
}
