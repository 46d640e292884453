// Counts per county × category × day for a run of weeks, from sealed WeekRollups (read by _id)
// plus the small RecentFact collection. Filing counts never change once a week is over (a fact's
// bucket is fixed when the complaint is filed), so a sealed week is final; a complaint added to a
// sealed week later (a backfill) stays in RecentFact and is added on reading. Between a sealer's
// insert and its clean-up a reader may count that week's entries twice, for a moment.
import mongoose from 'mongoose';
import { isoWeek } from '../../shared/calendar.js';
import { addWeeks } from '../../shared/weeks.js';
import { now } from '../clock.js';
import { isDuplicateKey } from '../http/errors.js';
import { RecentFactModel } from '../models/RecentFact.js';
import { WeekRollupModel } from '../models/WeekRollup.js';

type Fact = { _id: unknown; countyCode: string; category: string; day: string; week: string; merchantId?: unknown; storeId?: unknown; productId?: unknown };
const idOf = (v: unknown) => (v ? String(v) : undefined);

/** Records the buckets of new facts (a replayed fact inserts nothing). */
export async function recordRecent(facts: Fact[]): Promise<void> {
  if (facts.length === 0) return;
  const docs = facts.map((f) => ({ _id: new mongoose.Types.ObjectId(String(f._id)), c: f.countyCode, k: f.category, d: f.day, w: f.week, m: idOf(f.merchantId), s: idOf(f.storeId), p: idOf(f.productId) }));
  await RecentFactModel.collection.insertMany(docs, { ordered: false }).catch((e) => {
    if (!isDuplicateKey(e) && !(e as { writeErrors?: unknown[] }).writeErrors) throw e;
  });
}

/**
 * Seals every week before `keepFrom` (default: last week stays open) that has no rollup yet: one
 * insert per week, then its entries leave RecentFact. Weeks sealed before keep their late entries.
 */
export async function sealWeeks(at = now(), keepFrom = addWeeks(isoWeek(at), -1)): Promise<string[]> {
  const rows = await RecentFactModel.collection.find({ w: { $lt: keepFrom } }).toArray();
  const byWeek = new Map<string, typeof rows>();
  for (const r of rows) byWeek.set(r.w as string, [...(byWeek.get(r.w as string) ?? []), r]);
  const sealed: string[] = [];
  for (const [week, entries] of byWeek) {
    if (await WeekRollupModel.exists({ _id: week })) continue;
    const counts: Record<string, number> = {};
    const tops: Record<Dim, Record<string, number>> = { merchants: {}, stores: {}, products: {} };
    const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
    for (const e of entries) {
      const cell = `${e.c}|${e.k}|${e.d}`;
      bump(counts, cell);
      for (const dim of DIMS) if (e[FIELD[dim]]) bump(tops[dim], `${cell}|${e[FIELD[dim]]}`);
    }
    try {
      // The week's own document decides the seal; the top-list counts go into their own documents
      // (`<week>|merchants` …) so that a hotspot query never reads them.
      await WeekRollupModel.create({ _id: week, counts, total: entries.length, sealedAt: at });
      await WeekRollupModel.insertMany(DIMS.map((dim) => ({ _id: `${week}|${dim}`, counts: tops[dim], total: entries.length, sealedAt: at })));
    } catch (e) {
      if (isDuplicateKey(e)) continue; // another instance sealed it; our entries stay for the next run
      throw e;
    }
    sealed.push(week);
  }
  // One delete for all sealed weeks (FerretDB scans the collection per delete). Entries of weeks
  // before last week arrive only from the backfill and the seed, which run before sealing in the
  // same job, so none can slip in between the read above and this delete.
  if (sealed.length) await RecentFactModel.deleteMany({ w: { $in: sealed } });
  return sealed;
}

export interface CellFilter {
  regionPrefix: string;
  category?: string;
  fromDay?: string;
  toDay?: string;
}

export interface Cell {
  county: string;
  category: string;
  day: string;
  week: string;
  n: number;
}

/** Counts per county × category × day of these weeks, inside the region and filter. */
export async function weekCells(weeks: string[], f: CellFilter): Promise<Cell[]> {
  const out = new Map<string, Cell>();
  const add = (week: string, key: string, n: number) => {
    const [county, category, day] = key.split('|') as [string, string, string];
    if (!county.startsWith(f.regionPrefix) || (f.category && category !== f.category)) return;
    if ((f.fromDay && day < f.fromDay) || (f.toDay && day > f.toDay)) return;
    const cell = out.get(key) ?? { county, category, day, week, n: 0 };
    cell.n += n;
    out.set(key, cell);
  };
  const sealed = await Promise.all(weeks.map((w) => WeekRollupModel.findById(w).lean()));
  for (const s of sealed) if (s) for (const [k, n] of Object.entries(s.counts as Record<string, number>)) add(String(s._id), k, n);
  for (const r of await RecentFactModel.collection.find({ w: { $in: weeks } }).toArray()) add(r.w as string, `${r.c}|${r.k}|${r.d}`, 1);
  return [...out.values()];
}

/** Every week that has complaints: the sealed ones and those still recent. */
export async function knownWeeks(): Promise<string[]> {
  const sealed = (await WeekRollupModel.find({}, { _id: 1 }).lean()).map((w) => String(w._id)).filter((id) => !id.includes('|'));
  const recent = await RecentFactModel.distinct('w');
  return [...new Set([...sealed, ...recent.map(String)])].sort();
}

export type Dim = 'merchants' | 'stores' | 'products';
const DIMS: Dim[] = ['merchants', 'stores', 'products'];
const FIELD = { merchants: 'm', stores: 's', products: 'p' } as const;

/** Complaints per merchant, store or product id in these weeks, inside the region and filter. */
export async function weekTops(weeks: string[], dim: Dim, f: CellFilter): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (key: string, n: number) => {
    const [county, category, day, id] = key.split('|') as [string, string, string, string];
    if (!county.startsWith(f.regionPrefix) || (f.category && category !== f.category)) return;
    if ((f.fromDay && day < f.fromDay) || (f.toDay && day > f.toDay)) return;
    out.set(id, (out.get(id) ?? 0) + n);
  };
  const sealed = await Promise.all(weeks.map((w) => WeekRollupModel.findById(`${w}|${dim}`).lean()));
  for (const s of sealed) if (s) for (const [k, n] of Object.entries(s.counts as Record<string, number>)) add(k, n);
  for (const r of await RecentFactModel.collection.find({ w: { $in: weeks } }).toArray()) if (r[FIELD[dim]]) add(`${r.c}|${r.k}|${r.d}|${r[FIELD[dim]]}`, 1);
  return out;
}
