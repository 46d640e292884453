// The open-data API (docs/open-data.md): the published complaints, the per-merchant and per-region
// figures of the latest nightly export, and the export files. Readable signed out; every endpoint
// counts against the 'open-data' limit, shared by all instances (rows in the database).
import { page } from '../../../shared/schemas/common.js';
import { publicComplaintQuery, publicComplaintSchema } from '../../../shared/schemas/disclosure.js';
import {
  exportFileParams,
  openDataExportList,
  openDataFigurePage,
  openDataFigureQuery,
  type OpenDataExport,
  type OpenDataFigure,
} from '../../../shared/schemas/openData.js';
import { listPublicComplaints } from '../../disclosure/present.js';
import { endpoint } from '../../http/endpoint.js';
import { pipeTo } from '../../http/stream.js';
import { notFound } from '../../http/errors.js';
import { paginate } from '../../http/paginate.js';
import { OpenDataExportModel, type OpenDataExportRecord } from '../../models/OpenDataExport.js';
import { OpenDataFigureModel, type OpenDataFigureRecord } from '../../models/OpenDataFigure.js';
import { KEEP_DAYS, latestExport, scopeOf } from '../../openData/export.js';
import { FIGURE_COUNTS } from '../../../shared/schemas/openData.js';
import { storage } from '../../storage/index.js';

const TAG = 'open data';

function presentFigure(r: OpenDataFigureRecord): OpenDataFigure {
  return {
    level: r.level as OpenDataFigure['level'],
    key: r.key,
    name: r.name,
    nameEn: r.nameEn,
    ...(Object.fromEntries(FIGURE_COUNTS.map((k) => [k, r[k]])) as Pick<OpenDataFigure, (typeof FIGURE_COUNTS)[number]>),
  };
}

function presentExport(e: OpenDataExportRecord): OpenDataExport {
  return {
    day: e.day,
    finishedAt: new Date(e.finishedAt!).toISOString(),
    files: e.files.map((f) => ({
      name: f.name as OpenDataExport['files'][number]['name'],
      bytes: f.bytes ?? 0,
      rows: f.rows ?? 0,
      url: `/api/open-data/exports/${e.day}/${f.name}`,
    })),
  };
}

export const openDataRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/open-data/complaints',
      summary: 'Open data: published complaints newest first, cursor-paged, filtered like the public list; no sign-in, rate-limited',
      tag: TAG,
      policy: 'open-data:read',
      rateLimit: 'open-data',
      query: publicComplaintQuery,
      response: page(publicComplaintSchema),
    },
    async ({ query }) => listPublicComplaints(query),
  ),
  endpoint(
    {
      method: 'get',
      path: '/open-data/figures',
      summary:
        'Open data: per-merchant, per-city or per-county counts of published complaints from the latest nightly export, cursor-paged',
      tag: TAG,
      policy: 'open-data:read',
      rateLimit: 'open-data',
      query: openDataFigureQuery,
      response: openDataFigurePage,
    },
    async ({ query }) => {
      const latest = await latestExport();
      if (!latest) return { items: [], nextCursor: null, day: null };
      const result = await paginate(OpenDataFigureModel, { scope: scopeOf(latest._id, query.level) }, query);
      return { items: result.items.map((r) => presentFigure(r as OpenDataFigureRecord)), nextCursor: result.nextCursor, day: latest.day };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/open-data/exports',
      summary: `Open data: the nightly exports of the last ${KEEP_DAYS} days, newest first, with their files`,
      tag: TAG,
      policy: 'open-data:read',
      rateLimit: 'open-data',
      response: openDataExportList,
    },
    async () => {
      const done = await OpenDataExportModel.find({ state: 'done' })
        .sort({ day: -1 })
        .limit(KEEP_DAYS + 1)
        .lean<OpenDataExportRecord[]>();
      return { items: done.map(presentExport), keptDays: KEEP_DAYS };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/open-data/exports/:day/:file',
      summary: 'Open data: one file of a nightly export (CSV in UTF-8 with BOM, or JSON Lines)',
      tag: TAG,
      policy: 'open-data:read',
      rateLimit: 'open-data',
      params: exportFileParams,
      raw: true,
    },
    async ({ params, res }) => {
      const e = await OpenDataExportModel.findOne({ day: params.day }).lean<OpenDataExportRecord>();
      const f = e?.state === 'done' ? e.files.find((x) => x.name === params.file) : undefined;
      if (!f) throw notFound('Export file');
      const body = await storage().get(f.storageKey);
      res.setHeader('content-type', params.file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      res.setHeader('content-length', String(f.bytes));
      res.setHeader('content-disposition', `attachment; filename="fangxin-${params.day}-${params.file}"`);
      res.setHeader('cache-control', 'public, max-age=3600');
      await pipeTo(body, res);
    },
  ),
];
