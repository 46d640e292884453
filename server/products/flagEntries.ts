// The flag lists (GET /api/product-flags) as index reads that do not grow with the flags: each flag has a
// row per region that sees it (FlagEntry), written with the flag and carrying the flag as the list shows
// it (presentFlagRow: counts and the newest complaint ids, not all those behind them), and the ledger counts those rows per region, status, score band and category. A page reads, for each
// status asked, the highest bands holding the page by `{aud, band}` equality sorted by `sk`, and shows
// what its rows carry; its total is the ledger's. Who sees a flag is what server/products/visibility.ts selected before: the province (and
// the admin) every flag; any other region the flags with a region code that is the region itself or a
// known region inside it.
import mongoose from 'mongoose';
import { PROVINCE_CODE, regionChain } from '../../shared/regions.js';
import { firstWriter } from '../db/firstWriter.js';
import { heldClaim } from '../jobs/claim.js';
import { badRequest } from '../http/errors.js';
import { addDeltas, readCounts } from '../counts/ledger.js';
import { FlagEntryModel } from '../models/FlagEntry.js';
import { ProductFlagModel, type ProductFlagRecord } from '../models/ProductFlag.js';
import { regionFor, type Actor } from '../policies/index.js';
import { presentFlagRow } from '../presenters/products.js';
import type { FlagListItem } from '../../shared/schemas/products.js';
import { knownRegionCodes } from './visibility.js';
import { oneAtATime } from './oneAtATime.js';

/**
 * Lower score bounds of the bands, highest first: band i holds scores from BANDS[i] up to BANDS[i-1].
 * A rule that fires adds at least 10 (server/products/rules.ts), so most flags score 10–60; the bands
 * there are narrow so that a page of 6 or 100 reads a few of them.
 */
export const BANDS = [
  1000, 500, 300, 200, 150, 120, 100, 90, 80, 70, 60, 55, 50, 45, 40, 37, 34, 31, 28, 25, 23, 21, 19, 17, 15, 14, 13, 12, 11, 10, 5, 0,
];
const SCALE = 1e9;

export const bandOf = (score: number) => {
  const i = BANDS.findIndex((min) => score >= min);
  return i < 0 ? BANDS.length - 1 : i;
};

/** Highest score first, then the flag id: 10 digits of SCALE − score×10, "|", the id. */
export function sortKey(score: number, flagId: string): string {
  const inverted = Math.min(SCALE - 1, Math.max(0, SCALE - Math.round(score * 10)));
  return `${String(inverted).padStart(10, '0')}|${flagId}`;
}

const CURSOR = /^\d{10}\|[0-9a-f]{24}$/;
const scoreOfKey = (sk: string) => (SCALE - Number(sk.slice(0, 10))) / 10;

export const flagScope = (aud: string) => `flags:${aud}`;
const bandKey = (band: number, category?: string) => (category ? `${band}|${category}` : String(band));

/** The regions whose list holds a flag with these region codes (the province's always). */
export function listRegions(regionCodes: string[], known: Set<string>): string[] {
  const out = new Set([PROVINCE_CODE]);
  for (const code of regionCodes) {
    out.add(code);
    // A region sees the codes inside it that it knows (visibility.ts codesUnder).
    if (known.has(code)) for (const r of regionChain(code)) out.add(r);
  }
  return [...out].sort();
}

interface Place {
  aud: string;
  band: number;
  category: string;
}
type Entry = Place & { _id: string; sk: string; flagId: mongoose.Types.ObjectId; shown: FlagListItem; v?: number; from?: Place | null };
/** The place of a row no list holds any more (its region no longer sees the flag): kept, so versions go on. */
const NOWHERE: Place = { aud: '-', band: -1, category: '' };

function entriesOf(flag: ProductFlagRecord, known: Set<string>): Entry[] {
  const id = String(flag._id);
  const shown = presentFlagRow(flag);
  return listRegions(flag.regionCodes ?? [], known).map((region) => ({
    _id: `${region}|${id}`,
    aud: `${region}|${flag.status}`,
    band: bandOf(flag.score),
    category: flag.category,
    sk: sortKey(flag.score, id),
    flagId: flag._id,
    shown,
  }));
}

/**
 * A flag's `entries` once its rows carry what the list shows (1: rows without it; 2: rows carrying the
 * whole flag, its evidence's complaint ids included; 3: rows without any complaint id).
 */
const ENTRIES = 4;
/** Stored, the shown flag comes back with its keys in the order written, so equal flags print equal. */
const sameShown = (a: FlagListItem | undefined, b: FlagListItem) => JSON.stringify(a) === JSON.stringify(b);

const placeOf = (e: Place): Place => ({ aud: e.aud, band: e.band, category: e.category });
const samePlace = (a: Place, b: Place) => a.aud === b.aud && a.band === b.band && a.category === b.category;
const keysOf = (p: Place, n: number) => ({ [bandKey(p.band)]: n, [bandKey(p.band, p.category)]: n });

/** What one list row adds to its list's totals, as the rebuild recounts them (null for a row no list holds). */
export const flagEntryCounts = (row: Place): { scope: string; d: Record<string, number> } | null =>
  row.aud === NOWHERE.aud ? null : { scope: flagScope(row.aud), d: keysOf(row, 1) };

/**
 * A row's move to version `v` is counted under ids of that version: minus one where it was (`from`,
 * kept on the row until counted), plus one where it is. A replay after a crash adds nothing.
 */
async function countMove(row: Entry & { v: number; from: Place }): Promise<void> {
  const deltas = [];
  if (row.from.aud !== NOWHERE.aud) deltas.push({ _id: `${row._id}#${row.v}-`, scope: flagScope(row.from.aud), d: keysOf(row.from, -1) });
  if (row.aud !== NOWHERE.aud) deltas.push({ _id: `${row._id}#${row.v}+`, scope: flagScope(row.aud), d: keysOf(row, 1) });
  await addDeltas(deltas);
  await FlagEntryModel.updateOne({ _id: row._id, v: row.v }, { $unset: { from: 1 } });
}

/**
 * One pass over a flag's rows; false when another writer (another instance) moved a row first. Each row
 * write names the version it read (a new row is an insert), so one writer makes each version and the
 * other passes again. The rows are read before the flag: a flag read after a row was written is at least
 * as new as the one that row's writer read, so a later pass never puts an older state back.
 */
async function syncPass(flagId: string): Promise<boolean> {
  const have = new Map(((await FlagEntryModel.find({ flagId }).lean()) as Entry[]).map((e) => [e._id, e]));
  const known = await knownRegionCodes();
  const flag = await ProductFlagModel.findById(flagId).lean<ProductFlagRecord | null>();
  const want = new Map((flag ? entriesOf(flag, known) : []).map((e) => [e._id, e]));
  const written = await Promise.all(
    [...new Set([...have.keys(), ...want.keys()])].map(async (id) => {
      const old = have.get(id);
      // A move a crash left uncounted is counted first.
      if (old?.from) await countMove(old as Entry & { v: number; from: Place });
      const w = want.get(id);
      const to = w ? placeOf(w) : NOWHERE;
      if (old && samePlace(old, to)) {
        if (!w || (old.sk === w.sk && sameShown(old.shown, w.shown))) return true;
        return (
          (await FlagEntryModel.updateOne({ _id: id, v: old.v }, { $set: { sk: w.sk, shown: w.shown, v: old.v! + 1 } })).matchedCount === 1
        );
      }
      const row = { ...(w ?? old!), ...to, v: (old?.v ?? 0) + 1, from: old ? placeOf(old) : NOWHERE };
      const won = old
        ? (await FlagEntryModel.replaceOne({ _id: id, v: old.v }, row)).matchedCount === 1
        : await firstWriter(FlagEntryModel.create(row));
      if (won) await countMove(row);
      return won;
    }),
  );
  if (!written.every(Boolean)) return false;
  if (flag && flag.entries !== ENTRIES)
    await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { entries: ENTRIES } }, { timestamps: false });
  return true;
}

/** Passes until one finds no other writer in its way. */
export async function syncFlagRows(flagId: string): Promise<void> {
  while (!(await syncPass(flagId)));
}

/**
 * Brings a flag's list rows in line with the flag; call after every write of its status, score,
 * category or region codes. One sync of a flag at a time in this process (calls made during one share
 * the next); another instance's syncs are met by the row versions (syncPass).
 */
export const syncFlagEntries = (flagId: mongoose.Types.ObjectId | string) => syncOne(String(flagId));
const syncOne = oneAtATime(syncFlagRows);

// Recorded once every flag's rows carry what the list shows (ENTRIES): until then the lists read the
// flags, in every instance, and a start after a stop halfway goes on with the flags not yet done.
export const FLAG_LIST_ROWS_CLAIM = 'backfill:flag-list-rows-4';
const listRows = heldClaim(FLAG_LIST_ROWS_CLAIM, 'backfill');

/** Records that every flag's rows carry what the list shows: a database seeded from empty. */
export const flagsHoldListRows = listRows.mark;

/** Whether the lists may read the rows alone. */
export const flagListRowsHeld = listRows.held;

/**
 * Flags written before the list rows, or before the rows carried what the list shows, get theirs once,
 * after start (server/db/backfill.ts), one flag at a time; the lists read the flags until it is done.
 */
export async function backfillFlagEntries(): Promise<number> {
  if (await flagListRowsHeld()) return 0;
  const ids = await ProductFlagModel.find({ entries: { $ne: ENTRIES } }, { _id: 1 }).lean();
  for (const { _id } of ids) await syncFlagEntries(_id);
  await listRows.mark();
  return ids.length;
}

/**
 * A page of the flags the actor's region sees in one of `statuses`, highest score first (then id), after
 * the cursor (the last row's sort key; an offset from a page served before the keys still works), with
 * the total the ledger counts.
 */
export async function flagPage(
  actor: Actor,
  q: { asked?: string; statuses: string[]; category?: string; cursor?: string; limit: number },
): Promise<{ items: FlagListItem[]; nextCursor: string | null; total: number }> {
  const after = q.cursor && CURSOR.test(q.cursor) ? q.cursor : null;
  let skip = q.cursor && !after ? Number(q.cursor) : 0;
  if (!Number.isSafeInteger(skip)) throw badRequest('cursor is not valid');
  const region = regionFor(actor, q.asked);
  const auds = q.statuses.map((s) => `${region}|${s}`);
  const counts = await Promise.all(auds.map((a) => readCounts(flagScope(a))));
  const inBand = (band: number) => counts.reduce((n, c) => n + Math.max(0, c[bandKey(band, q.category)] ?? 0), 0);
  const total = BANDS.reduce((n, _, band) => n + inBand(band), 0);
  let band = after ? bandOf(scoreOfKey(after)) : 0;
  // An offset skips whole bands by their counts.
  for (; band < BANDS.length && skip >= inBand(band); band++) skip -= inBand(band);
  const rows: Entry[] = [];
  // From there on, as many bands at once as their counts say the page still lacks rows.
  while (band < BANDS.length && rows.length <= skip + q.limit) {
    const pick: number[] = [];
    for (let need = skip + q.limit + 1 - rows.length; band < BANDS.length && need > 0; band++) {
      const n = inBand(band);
      if (n > 0) pick.push(band);
      need -= n;
    }
    const read = await Promise.all(pick.flatMap((b) => auds.map((aud) => bandQuery(aud, b, q.category).lean() as Promise<Entry[]>)));
    rows.push(...read.flat().filter((r) => !after || r.sk > after));
  }
  rows.sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  const page = rows.slice(skip, skip + q.limit);
  return {
    items: page.map((r) => r.shown),
    nextCursor: rows.length > skip + q.limit ? page[page.length - 1]!.sk : null,
    total,
  };
}

/** One band of one region and status (and category), in list order: what a page shows and its key. */
export function bandQuery(aud: string, band: number, category?: string) {
  return FlagEntryModel.find({ aud, band, ...(category ? { category } : {}) }, { sk: 1, shown: 1 }).sort({ sk: 1 });
}
