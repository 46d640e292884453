// Which complaints a figure covers: the asked region (inside the regulator's own), period and
// category, as a $match on the pre-bucketed fields of the complaint facts.
import type { AnalyticsFilter } from '../../shared/schemas/analytics.js';
import { regionContains, regionLevel, PROVINCE_CODE } from '../../shared/regions.js';
import { forbidden } from '../http/errors.js';
import type { Actor } from '../policies/index.js';

/** The region a figure is for: the asked one if the actor governs it, else the actor's own. */
export function regionFor(actor: Actor | null, asked?: string): string {
  const own = actor?.role === 'regulator' ? (actor.regionCode ?? '') : PROVINCE_CODE;
  if (!asked) return own;
  if (!regionContains(own, asked)) throw forbidden('That region is outside your jurisdiction');
  return asked;
}

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
