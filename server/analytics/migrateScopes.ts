// The dashboard's figures moved from one province-wide scope per week keyed county × category × day
// (`fig:<week>`, `top:<dim>:<week>`) to per-region week scopes without the day and per-day scopes
// read only for a period's edge weeks (rollup.ts). A database written before holds the old scopes:
// once, at start (and before a bulk seed adds to it), the new scopes are recounted from the list
// entries' complaint copies and the product facts, written as one delta per scope with a fixed id (a
// run again after a crash adds nothing), folded into snapshots, and the old scopes are deleted. A
// database without old scopes (a fresh one, or one migrated already) has nothing to recount. The
// hotspot grids, one per quarter for the whole province before, get their cities' copies the same way
// (cityHotspotGrids below), and the province's and cities' totals over every category are summed
// from their week and day scopes (figureTotals below).
import { addDays, weekMonday } from '../../shared/weeks.js';
import { addDeltas, readCounts, sealScopes } from '../counts/ledger.js';
import { claim } from '../jobs/claim.js';
import { CountDeltaModel } from '../models/CountDelta.js';
import { CountSnapshotModel } from '../models/CountSnapshot.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { JobRunModel } from '../models/JobRun.js';
import { logger } from '../logger.js';
import { PROVINCE_CODE } from '../../shared/regions.js';
import {
  addCounts,
  cellScope,
  figureDayScope,
  figureScope,
  legacyScopes,
  totalDayScope,
  totalScope,
  productCounts,
  quarterOf,
  regionalFigureCounts,
  scopeRegion,
  WEEKS_SCOPE,
  type FigureSource,
  type ProductFact,
} from './rollup.js';

const DONE = 'backfill:regional-figure-scopes-v1';
const ROWS_PER_INSERT = 100;

async function legacyPresent(weeks: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const w of weeks)
    for (const scope of legacyScopes(w))
      if ((await CountSnapshotModel.exists({ scope })) || (await CountDeltaModel.exists({ scope }))) found.push(scope);
  return found;
}

export async function migrateFigureScopes(): Promise<void> {
  // A recount from the complaints writes the totals as well: nothing is left to sum then.
  if (await regionalFigureScopes()) await claim(TOTALS_DONE, 'backfill');
  await cityHotspotGrids();
  await figureTotals();
}

/** Recounts the per-region scopes where the old ones are there; true if it did. */
async function regionalFigureScopes(): Promise<boolean> {
  if (await JobRunModel.exists({ key: DONE })) return false;
  const legacy = await legacyPresent(Object.keys(await readCounts(WEEKS_SCOPE)));
  if (legacy.length) {
    const started = Date.now();
    const tally = new Map<string, Record<string, number>>();
    for await (const r of ComplaintEntryModel.find({}, { c: 1 }).lean().cursor())
      if (r.c) addCounts(tally, regionalFigureCounts(r.c as unknown as FigureSource));
    for await (const f of ComplaintFactModel.find({}, { countyCode: 1, category: 1, day: 1, week: 1, productId: 1 }).lean().cursor())
      addCounts(tally, productCounts(f as ProductFact));
    const rows = [...tally].map(([scope, d]) => ({ _id: `${scope}|figures-v1`, scope, d }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await addDeltas(rows.slice(i, i + ROWS_PER_INSERT));
    await sealScopes(tally.keys());
    for (const scope of legacy) {
      await CountDeltaModel.deleteMany({ scope });
      await CountSnapshotModel.deleteMany({ scope });
    }
    logger.info({ ms: Date.now() - started, scopes: rows.length, removed: legacy.length }, 'dashboard figures moved to per-region scopes');
  }
  await claim(DONE, 'backfill');
  return legacy.length > 0;
}

const GRIDS_DONE = 'backfill:hotspot-city-grids-v1';

/**
 * The hotspot grid was one scope per quarter for the whole province (rollup.ts `cellScope`); writers
 * now add each complaint to its city's grid as well. A city grid that does not exist while the
 * province's grid counts complaints of that city and quarter was never written: it gets the
 * province's keys of its counties, as one delta with a fixed id (two processes starting at once add
 * them once). The province's grid is read before the city's is looked for, so a complaint a migrated
 * process adds meanwhile is either in the copy or, with its own delta, the reason to skip it.
 */
async function cityHotspotGrids(): Promise<void> {
  if (await JobRunModel.exists({ key: GRIDS_DONE })) return;
  const started = Date.now();
  const quarters = new Set<string>();
  for (const w of Object.keys(await readCounts(WEEKS_SCOPE)))
    for (const day of [weekMonday(w), addDays(weekMonday(w), 6)]) quarters.add(quarterOf(day));
  const rows: { _id: string; scope: string; d: Record<string, number> }[] = [];
  for (const q of quarters) {
    const byCity = new Map<string, Record<string, number>>();
    for (const [key, n] of Object.entries(await readCounts(cellScope(PROVINCE_CODE, q)))) {
      const city = scopeRegion(key.slice(0, key.indexOf('|')));
      byCity.set(city, { ...byCity.get(city), [key]: n });
    }
    for (const [city, d] of byCity) {
      const scope = cellScope(city, q);
      if (!(await CountSnapshotModel.exists({ scope })) && !(await CountDeltaModel.exists({ scope })))
        rows.push({ _id: `${scope}|city-grids-v1`, scope, d });
    }
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await addDeltas(rows.slice(i, i + ROWS_PER_INSERT));
  await sealScopes(rows.map((r) => r.scope));
  if (rows.length) logger.info({ ms: Date.now() - started, scopes: rows.length }, 'hotspot grids split per city');
  await claim(GRIDS_DONE, 'backfill');
}

const TOTALS_DONE = 'backfill:figure-totals-v1';
/** Weeks summed at once (each a few scope reads). */
const TOTALS_PARALLEL = 4;

/**
 * A region's totals over every category (rollup.ts `totalScope`, `totalDayScope`) from its week or
 * day scope: the same counts without the category, and without the county but for the map's
 * `c:<county>` (the province's per-county `m`, a city's per-county `n`).
 */
export function sumTotals(counts: Record<string, number>, province: boolean, perDay: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string, n: number) => (out[k] = (out[k] ?? 0) + n);
  for (const [key, n] of Object.entries(counts)) {
    const parts = key.split('|');
    if (perDay ? parts.length !== 4 : parts.length !== 3 && parts.length !== 4) continue;
    const [r, , ...rest] = parts as [string, string, ...string[]];
    // A week scope's daily filings.
    if (!perDay && rest.length === 2) {
      add(`${rest[0]}|n`, n);
      continue;
    }
    const day = perDay ? `${rest[0]}|` : '';
    const metric = rest[rest.length - 1]!;
    if (metric !== 'm') add(`${day}${metric}`, n);
    if (metric === 'm' || (!province && metric === 'n')) add(`${day}c:${r}`, n);
  }
  return out;
}

/**
 * Databases written before the totals existed: each region's totals of a week are summed from its
 * week and day scopes, as one delta with a fixed id (a run again after a crash adds nothing), where
 * the totals scope is not there yet (a database seeded by this version has them all). The cities
 * are those the province's map counts that week.
 */
async function figureTotals(): Promise<void> {
  if (await JobRunModel.exists({ key: TOTALS_DONE })) return;
  const started = Date.now();
  const weeks = Object.keys(await readCounts(WEEKS_SCOPE));
  const rows: { _id: string; scope: string; d: Record<string, number> }[] = [];
  const missing = async (scope: string) => !(await CountSnapshotModel.exists({ scope })) && !(await CountDeltaModel.exists({ scope }));
  const queue = [...weeks];
  await Promise.all(
    Array.from({ length: TOTALS_PARALLEL }, async () => {
      for (let w = queue.shift(); w !== undefined; w = queue.shift()) {
        const province = await readCounts(figureScope(PROVINCE_CODE, w));
        const cities = new Set<string>();
        for (const key of Object.keys(province)) if (key.endsWith('|m')) cities.add(scopeRegion(key.slice(0, key.indexOf('|'))));
        for (const region of [PROVINCE_CODE, ...cities])
          for (const perDay of [false, true]) {
            const scope = (perDay ? totalDayScope : totalScope)(region, w);
            if (!(await missing(scope))) continue;
            const source =
              !perDay && region === PROVINCE_CODE ? province : await readCounts((perDay ? figureDayScope : figureScope)(region, w));
            const d = sumTotals(source, region === PROVINCE_CODE, perDay);
            if (Object.keys(d).length) rows.push({ _id: `${scope}|totals-v1`, scope, d });
          }
      }
    }),
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await addDeltas(rows.slice(i, i + ROWS_PER_INSERT));
  await sealScopes(rows.map((r) => r.scope));
  if (rows.length) logger.info({ ms: Date.now() - started, scopes: rows.length }, 'dashboard totals summed per region');
  await claim(TOTALS_DONE, 'backfill');
}
