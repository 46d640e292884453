// Time series, top lists and the map: counts over the complaint facts, with the empty
// periods and regions filled in here so charts need no gaps handling.
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { addDays, dayRange, weekOfDay, weekRange } from '../../shared/weeks.js';
import { now } from '../clock.js';
import { dailyFilings, knownWeeks, weekFilings, weekTops } from './weekCells.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductModel, type ProductRecord } from '../models/Product.js';
import { ProductMergeModel } from '../models/ProductMerge.js';
import { findByIds } from '../db/byIds.js';
import { survivor } from '../commands/resolveProduct.js';
import { RegionModel } from '../models/Region.js';
import { StoreModel, type StoreRecord } from '../models/Store.js';
import { regionLevel } from '../../shared/regions.js';

/** Complaints per day or week; with `keep` (the dashboard's calls), from week scopes kept between calls (dailyFilings). */
export async function timeseries(
  region: string,
  interval: 'day' | 'week',
  range: { from?: string; to?: string; category?: string },
  keep = false,
) {
  const to = range.to ?? shanghaiDay(now());
  const from = range.from ?? addDays(to, interval === 'day' ? -89 : -181);
  const byPeriod = new Map<string, number>();
  const weeks = weekRange(weekOfDay(from), weekOfDay(to));
  for (const c of await dailyFilings(weeks, { regionPrefix: region, category: range.category, fromDay: from, toDay: to }, keep)) {
    const period = interval === 'day' ? c.day : c.week;
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + c.n);
  }
  const periods = interval === 'day' ? dayRange(from, to) : weekRange(weekOfDay(from), weekOfDay(to));
  return { interval, from, to, points: periods.map((period) => ({ period, count: byPeriod.get(period) ?? 0 })) };
}

type TopKind = 'products' | 'merchants' | 'stores';

/** The `limit` ids with most complaints; with `keep` (the dashboard's calls), from week scopes kept between calls (weekTops). */
export async function top(
  kind: TopKind,
  region: string,
  range: { from?: string; to?: string; category?: string },
  limit: number,
  keep = false,
) {
  const counts = await weekTops(
    await weeksOf(range),
    kind,
    { regionPrefix: region, category: range.category, fromDay: range.from, toDay: range.to },
    keep,
  );
  if (kind === 'products') await attributeMerged(counts);
  const rows = [...counts]
    .map(([id, n]) => ({ _id: new mongoose.Types.ObjectId(id), n }))
    .sort((a, b) => b.n - a.n || String(a._id).localeCompare(String(b._id)))
    .slice(0, limit);
  const ids = rows.map((r) => r._id);
  const names = new Map<string, { name: string; extra: Record<string, unknown> }>();
  if (kind === 'products') {
    for (const p of await findByIds<ProductRecord>(ProductModel, ids))
      names.set(String(p._id), {
        name: p.name,
        extra: { category: p.category, brand: p.brand ?? null, model: p.model ?? null, gtin: p.gtin ?? null },
      });
  } else if (kind === 'merchants') {
    for (const o of await findByIds<{ name: string }>(OrganizationModel, ids, { name: 1 }))
      names.set(String(o._id), { name: o.name, extra: {} });
  } else {
    for (const s of await findByIds<StoreRecord>(StoreModel, ids))
      names.set(String(s._id), {
        name: s.name,
        extra: { merchantId: String(s.merchantId), merchantName: s.merchantName, countyCode: s.countyCode },
      });
  }
  return {
    items: rows.map((r) => ({
      id: String(r._id),
      name: names.get(String(r._id))?.name ?? '',
      count: r.n,
      ...(names.get(String(r._id))?.extra ?? {}),
    })),
  };
}

/** Counts of products merged away since their complaints were counted move to the survivor (merges are few: read them all). */
async function attributeMerged(counts: Map<string, number>) {
  const merged = (await ProductMergeModel.find({}, { fromId: 1 }).lean()).filter((m) => counts.has(String(m.fromId)));
  for (const m of merged) {
    const p = await ProductModel.findById(m.fromId).lean();
    const into = p ? String((await survivor(p as ProductRecord))._id) : null;
    if (!into || into === String(m.fromId)) continue;
    counts.set(into, (counts.get(into) ?? 0) + (counts.get(String(m.fromId)) ?? 0));
    counts.delete(String(m.fromId));
  }
}

/** The weeks a period covers; an open end stops at the first or last week that has complaints. */
export async function weeksOf(range: { from?: string; to?: string }): Promise<string[]> {
  if (range.from && range.to) return weekRange(weekOfDay(range.from), weekOfDay(range.to));
  const first = range.from ? weekOfDay(range.from) : '';
  const last = range.to ? weekOfDay(range.to) : '9999';
  return (await knownWeeks()).filter((w) => w >= first && w <= last);
}

/**
 * Counts per city or county inside the region, every one of them listed (zero included); with `keep`
 * (the dashboard's calls), from week scopes kept between calls (weekFilings).
 */
export async function mapCounts(
  region: string,
  level: 'city' | 'county',
  range: { from?: string; to?: string; category?: string },
  keep = false,
) {
  const weeks = await weeksOf(range);
  const counts = new Map<string, number>();
  const filter = { regionPrefix: region, category: range.category, fromDay: range.from, toDay: range.to };
  for (const [county, n] of await weekFilings(weeks, filter, keep)) {
    const code = level === 'city' ? county.slice(0, 4) : county;
    counts.set(code, (counts.get(code) ?? 0) + n);
  }
  const regions = await RegionModel.find({ level, code: new RegExp(`^${region}`) }, { code: 1, name: 1, nameEn: 1 })
    .sort({ code: 1 })
    .lean();
  // A county region asked at city level still names its own city.
  const list =
    regions.length || regionLevel(region) === 'province'
      ? regions
      : await RegionModel.find({ code: region.slice(0, level === 'city' ? 4 : 6) }).lean();
  return { level, regions: list.map((r) => ({ regionCode: r.code, name: r.name, nameEn: r.nameEn, count: counts.get(r.code) ?? 0 })) };
}
