// Regulators' figures for their region: summary, hotspots, time series, top lists, map, CSV.
import {
  exportQuery,
  hotspotQuery,
  hotspotsResponse,
  mapQuery,
  mapResponse,
  summaryQuery,
  summaryResponse,
  timeseriesQuery,
  timeseriesResponse,
  topParams,
  topQuery,
  topResponse,
} from '../../../shared/schemas/analytics.js';
import { endpoint } from '../../http/endpoint.js';
import { regionFor } from '../../policies/index.js';
import { summary } from '../../analytics/summary.js';
import { firstHotspots, hotspots } from '../../analytics/hotspots.js';
import { mapCounts, timeseries, top } from '../../analytics/figures.js';
import { exportRows, toCsv } from '../../analytics/csv.js';

export const analyticsRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/analytics/summary',
      summary: 'Complaint figures of a region and period',
      tag: 'analytics',
      policy: 'analytics:read',
      query: summaryQuery,
      response: summaryResponse,
    },
    // The week scopes are kept between calls; the CSV export reads them whole.
    async ({ actor, query }) => summary(regionFor(actor, query.region), query, true),
  ),
  endpoint(
    {
      method: 'get',
      path: '/analytics/hotspots',
      summary: 'Region × category × week cells against their own baseline',
      tag: 'analytics',
      policy: 'analytics:read',
      query: hotspotQuery,
      response: hotspotsResponse,
    },
    async ({ actor, query }) => {
      const q = { ...query, region: regionFor(actor, query.region) };
      // The first cells are kept between calls; hotspots come first, so those filtered are still the first.
      const r = query.limit ? await firstHotspots(q) : await hotspots(q);
      const cells = query.onlyHotspots === 'true' ? r.cells.filter((c) => c.hotspot) : r.cells;
      // Cut before the answer is validated and serialized: a province has over 13,000 cells (1.6 MB).
      return { ...r, cells: cells.slice(0, query.limit) };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/analytics/timeseries',
      summary: 'Complaints per day or week',
      tag: 'analytics',
      policy: 'analytics:read',
      query: timeseriesQuery,
      response: timeseriesResponse,
    },
    async ({ actor, query }) => timeseries(regionFor(actor, query.region), query.interval, query, true),
  ),
  endpoint(
    {
      method: 'get',
      path: '/analytics/top/:kind',
      summary: 'Products, merchants or stores with most complaints',
      tag: 'analytics',
      policy: 'analytics:read',
      params: topParams,
      query: topQuery,
      response: topResponse,
    },
    async ({ actor, params, query }) => top(params.kind, regionFor(actor, query.region), query, query.limit, true),
  ),
  endpoint(
    {
      method: 'get',
      path: '/analytics/map',
      summary: 'Complaints per city or county',
      tag: 'analytics',
      policy: 'analytics:read',
      query: mapQuery,
      response: mapResponse,
    },
    async ({ actor, query }) => {
      const region = regionFor(actor, query.region);
      return mapCounts(region, query.level, query, true);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/analytics/export.csv',
      summary: 'Figures as CSV (UTF-8 with BOM, opens in Excel)',
      tag: 'analytics',
      policy: 'analytics:read',
      rateLimit: 'expensive',
      query: exportQuery,
      raw: true,
    },
    async ({ actor, query, res }) => {
      const region = regionFor(actor, query.region);
      const rows = await exportRows(query.kind, region, query);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="fangxin-${query.kind}-${region}.csv"`);
      res.send(toCsv(rows));
    },
  ),
];
