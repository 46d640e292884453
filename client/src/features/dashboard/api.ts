// The regulators' figures (API.md "Problem products and hotspots"): one call per dashboard panel.
import { currentLocale } from '../../i18n/locale';
import { api } from '../../api/client';
import type { z } from 'zod';
import type {
  HotspotCell,
  HotspotsResponse,
  MapResponse,
  Summary,
  Timeseries,
  TopItem,
  topResponse,
} from '../../../../shared/schemas/analytics';

/** What every panel is filtered by; days are Shanghai calendar days, inclusive. */
export interface Filter {
  region: string;
  from: string;
  to: string;
  category: string;
}

export type { HotspotCell, Summary, TopItem };
export type MapRegion = MapResponse['regions'][number];
export type Point = Timeseries['points'][number];

export type Level = 'city' | 'county';
export type Interval = 'day' | 'week';

const q = (f: Filter) => ({ region: f.region, from: f.from, to: f.to, category: f.category });

export const getSummary = (f: Filter, signal?: AbortSignal) => api.get<Summary>('/analytics/summary', { query: q(f), signal });

export const getMap = (f: Filter, level: Level, signal?: AbortSignal) =>
  api.get<MapResponse>('/analytics/map', { query: { ...q(f), level }, signal });

/**
 * The first `limit` cells, hotspots first then by score, so the table can show the ones closest to
 * becoming one without fetching the province's 13,000 (the export asks for every cell itself).
 */
export const getHotspots = (f: Filter, level: Level, limit: number, signal?: AbortSignal) =>
  api.get<HotspotsResponse>('/analytics/hotspots', { query: { ...q(f), level, limit }, signal });

export const getTimeseries = (f: Filter, interval: Interval, signal?: AbortSignal) =>
  api.get<Timeseries>('/analytics/timeseries', { query: { ...q(f), interval }, signal });

export const getTop = (kind: 'products' | 'merchants' | 'stores', f: Filter, signal?: AbortSignal) =>
  api.get<z.infer<typeof topResponse>>(`/analytics/top/${kind}`, { query: { ...q(f), limit: 8 }, signal });

/** The CSV of a panel, opened by the browser (same-origin cookie). */
export function exportUrl(kind: string, f: Filter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ kind, lang: currentLocale(), ...extra });
  for (const [k, v] of Object.entries(q(f))) if (v) params.set(k, v);
  return `/api/analytics/export.csv?${params.toString()}`;
}
