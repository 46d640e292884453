// Query schemas of the regulators' figures (API.md "Problem products and hotspots").
import { z } from 'zod';
import { CATEGORIES, LOCALES } from '../enums.js';
import { regionCode } from './directory.js';

/** A Shanghai calendar day; an ISO date-time is cut to its date. */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'must be a date (YYYY-MM-DD)')
  .transform((s) => s.slice(0, 10))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real date');

const base = {
  region: regionCode.optional(),
  from: day.optional(),
  to: day.optional(),
  category: z.enum(CATEGORIES).optional(),
};
const level = z.enum(['city', 'county']);
/** The most hotspot cells a call with a `limit` gets. */
export const HOTSPOT_LIMIT_MAX = 1000;

export const summaryQuery = z.object(base);
export const hotspotQuery = z.object({
  ...base,
  level: level.default('county'),
  /** Previous weeks forming each cell's baseline. */
  baselineWeeks: z.coerce.number().int().min(2).max(52).default(8),
  onlyHotspots: z.enum(['true', 'false']).optional(),
  /** The first cells only (the dashboard shows a few; a province has over 13,000): every cell when absent. */
  limit: z.coerce.number().int().min(1).max(HOTSPOT_LIMIT_MAX).optional(),
});
export const timeseriesQuery = z.object({ ...base, interval: z.enum(['day', 'week']).default('day') });
export const topQuery = z.object({ ...base, limit: z.coerce.number().int().min(1).max(100).default(10) });
export const mapQuery = z.object({ ...base, level: level.default('county') });
export const TOP_KINDS = ['products', 'merchants', 'stores'] as const;
export const topParams = z.object({ kind: z.enum(TOP_KINDS) });
export const EXPORT_KINDS = ['summary', 'hotspots', 'timeseries', 'map', 'top-products', 'top-merchants', 'top-stores'] as const;
export const exportQuery = z.object({
  ...base,
  kind: z.enum(EXPORT_KINDS),
  level: level.default('county'),
  interval: z.enum(['day', 'week']).default('week'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The language of the region names in the file (the reader's); Chinese by default. */
  lang: z.enum(LOCALES).default('zh-CN'),
});

export type AnalyticsFilter = z.infer<typeof summaryQuery>;

export const hotspotCell = z.object({
  regionCode: z.string(),
  category: z.string(),
  week: z.string(),
  observed: z.number(),
  expected: z.number(),
  score: z.number(),
  hotspot: z.boolean(),
});
export const hotspotsResponse = z.object({ cells: z.array(hotspotCell), weeks: z.array(z.string()) });
export type HotspotCell = z.infer<typeof hotspotCell>;
export type HotspotsResponse = z.infer<typeof hotspotsResponse>;
export const summaryResponse = z.object({
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  sourceResolutionRate: z.number().nullable(),
  timelyResponseRate: z.number().nullable(),
  medianDaysToClose: z.number().nullable(),
  satisfaction: z.number().nullable(),
  closed: z.number(),
});
export type Summary = z.infer<typeof summaryResponse>;

export const timeseriesResponse = z.object({
  interval: z.enum(['day', 'week']),
  from: z.string(),
  to: z.string(),
  points: z.array(z.object({ period: z.string(), count: z.number() })),
});
export type Timeseries = z.infer<typeof timeseriesResponse>;

/** A top-list row; products carry their identity, stores their merchant and county. */
export const topItem = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  category: z.string().optional(),
  brand: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  gtin: z.string().nullable().optional(),
  merchantId: z.string().optional(),
  merchantName: z.string().optional(),
  countyCode: z.string().optional(),
});
export type TopItem = z.infer<typeof topItem>;
export const topResponse = z.object({ items: z.array(topItem) });

export const mapResponse = z.object({
  level: level,
  regions: z.array(z.object({ regionCode: z.string(), name: z.string(), nameEn: z.string(), count: z.number() })),
});
export type MapResponse = z.infer<typeof mapResponse>;

/**
 * A cell is a hotspot when its week is far above its own baseline on all three counts: at least
 * `minCount` complaints, `ratio` times its baseline mean (at least 0.5), and a Poisson surprise
 * (score = -log10 p) of `minScore`, i.e. p ≤ 1e-4, rare enough across a province's cells.
 */
export const HOTSPOT_RULE = { minCount: 5, ratio: 3, minScore: 4, floor: 0.5 } as const;
