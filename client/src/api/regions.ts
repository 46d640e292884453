// Zhejiang's cities and counties (GET /api/regions), loaded once per parent for the whole visit and
// shared by every feature, so two components of a page never ask for the same list twice.
import type { Region } from '../../../shared/schemas/directory';
import { api } from './client';

export type { Region };

const cache = new Map<string, Promise<Region[]>>();

/** The regions under `parent` ('33' for the cities, a city code for its counties). */
export function loadRegions(parent: string): Promise<Region[]> {
  let p = cache.get(parent);
  if (!p) {
    p = api.get<Region[]>('/regions', { query: { parent } });
    // A failed load is retried next time rather than remembered.
    p.catch(() => cache.delete(parent));
    cache.set(parent, p);
  }
  return p;
}
