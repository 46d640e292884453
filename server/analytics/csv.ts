// CSV export of the same figures the dashboard shows: one table per kind.
import type { z } from 'zod';
import type { Locale } from '../../shared/enums.js';
import type { exportQuery } from '../../shared/schemas/analytics.js';
import { regionName } from '../regions/names.js';
import { csvDocument } from '../http/csv.js';
import { mapCounts, timeseries, top } from './figures.js';
import { hotspots } from './hotspots.js';
import { summary } from './summary.js';

type Q = z.infer<typeof exportQuery>;
type Row = Record<string, string | number | boolean | null>;

export async function exportRows(kind: Q['kind'], region: string, q: Q): Promise<Row[]> {
  return withRegionNames(await figureRows(kind, region, q), q.lang);
}

/** A person reads the file: each region code gets its name, in the reader's language, beside it. */
function withRegionNames(rows: Row[], locale: Locale): Row[] {
  return rows.map((r) => {
    const code = r.regionCode;
    if (typeof code !== 'string' || 'name' in r) return r;
    return { regionCode: code, regionName: regionName(code, locale), ...r };
  });
}

async function figureRows(kind: Q['kind'], region: string, q: Q): Promise<Row[]> {
  switch (kind) {
    case 'summary': {
      const s = await summary(region, q);
      return [
        { figure: 'total', value: s.total },
        ...Object.entries(s.byStatus).map(([k, v]) => ({ figure: `status:${k}`, value: v })),
        { figure: 'sourceResolutionRate', value: s.sourceResolutionRate },
        { figure: 'timelyResponseRate', value: s.timelyResponseRate },
        { figure: 'medianDaysToClose', value: s.medianDaysToClose },
        { figure: 'satisfaction', value: s.satisfaction },
      ];
    }
    case 'hotspots':
      return (await hotspots({ region, level: q.level, from: q.from, to: q.to, category: q.category, baselineWeeks: 8 })).cells;
    case 'timeseries':
      return (await timeseries(region, q.interval, q)).points;
    case 'map':
      return (await mapCounts(region, q.level, q)).regions;
    default:
      return (await top(kind.slice(4) as 'products' | 'merchants' | 'stores', region, q, q.limit)).items as Row[];
  }
}

export function toCsv(rows: Row[]): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return csvDocument([headers, ...rows.map((r) => headers.map((h) => r[h]))]);
}
