// Open data (开放数据): the published complaints, and per-merchant and per-region figures of them, as a
// paginated public API and as nightly files. Every figure is a count of published records, so a reader
// computes any rate with its denominator in the same row.
import { z } from 'zod';
import { objectId } from './common.js';

export const FIGURE_LEVELS = ['merchant', 'city', 'county'] as const;
export type FigureLevel = (typeof FIGURE_LEVELS)[number];

export const openDataFigureQuery = z
  .object({
    level: z.enum(FIGURE_LEVELS).default('merchant'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: objectId.optional(),
  })
  .strict();
export type OpenDataFigureQuery = z.infer<typeof openDataFigureQuery>;

/** The counts one row carries, for a merchant or a region; `published` is every other count's denominator. */
export const FIGURE_COUNTS = [
  'published',
  'resolved',
  'mediated',
  'mediationFailed',
  'reopened',
  'remedyPromised',
  'remedyConfirmed',
  'remedyDisputed',
  'remedyOverdue',
  'merchantComments',
] as const;
export type FigureCount = (typeof FIGURE_COUNTS)[number];

const count = z.number().int();
export const openDataFigureSchema = z
  .object({
    level: z.enum(FIGURE_LEVELS),
    /** The merchant's id, or the region's code. */
    key: z.string(),
    name: z.string(),
    nameEn: z.string(),
    published: count,
    resolved: count,
    mediated: count,
    mediationFailed: count,
    reopened: count,
    remedyPromised: count,
    remedyConfirmed: count,
    remedyDisputed: count,
    remedyOverdue: count,
    merchantComments: count,
  })
  .strict();
export type OpenDataFigure = z.infer<typeof openDataFigureSchema>;

export const openDataFigurePage = z
  .object({
    items: z.array(openDataFigureSchema),
    nextCursor: z.string().nullable(),
    /** The Shanghai day of the nightly export the figures come from; null before the first. */
    day: z.string().nullable(),
  })
  .strict();
export type OpenDataFigurePage = z.infer<typeof openDataFigurePage>;

export const EXPORT_FILES = [
  'complaints.csv',
  'complaints.jsonl',
  'merchants.csv',
  'merchants.jsonl',
  'regions.csv',
  'regions.jsonl',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const openDataExportSchema = z
  .object({
    day: z.string(),
    finishedAt: z.string(),
    files: z.array(z.object({ name: z.enum(EXPORT_FILES), bytes: z.number().int(), rows: z.number().int(), url: z.string() }).strict()),
  })
  .strict();
export type OpenDataExport = z.infer<typeof openDataExportSchema>;
export const openDataExportList = z.object({ items: z.array(openDataExportSchema), keptDays: z.number().int() }).strict();
export type OpenDataExportList = z.infer<typeof openDataExportList>;

export const exportFileParams = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-30'),
    file: z.enum(EXPORT_FILES),
  })
  .strict();
