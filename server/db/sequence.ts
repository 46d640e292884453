// Numbers in the order they were taken, for lists of a whole collection newest first (the admin's
// outbox and accounts). FerretDB sorts in memory everything a find selects, so `find({}).sort({_id})`
// reads the whole collection for a page; a row that carries its number, and its band (the number
// divided by BAND), is read a band at a time instead: `{band}` selects at most BAND rows.
//
// Without $inc (not atomic on FerretDB v1): a writer takes `size` numbers by inserting block k of the
// sequence, `{_id: "<name>:<k>", start, size}`, starting where block k-1 ends. The unique _id decides a
// race: the loser reads the winner's block and takes block k+1. Blocks are read by _id only, so the
// end of the sequence is one read of the next block (missing) once this process knows where it is.
import mongoose from 'mongoose';
import { invalidField } from '../http/errors.js';
import { SequenceBlockModel } from '../models/SequenceBlock.js';
import { firstWriter } from './firstWriter.js';
import { groupInsert } from './groupInsert.js';

/** Rows per band: a page of 50 reads two bands (three after a cursor in mid-band). */
export const BAND = 50;
export const bandOf = (seq: number, size = BAND) => Math.floor(seq / size);

type Tip = { k: number; end: number };
// The next block and where it starts, per sequence, as this process last saw it.
const known = new Map<string, Tip>();

const block = (name: string, k: number) => SequenceBlockModel.findById(`${name}:${k}`, { start: 1, size: 1 }).lean();

/** Where the sequence ends (the next number to take), probing forward by _id from what this process knows. */
async function tip(name: string): Promise<Tip> {
  let t = known.get(name);
  if (!t) {
    // First use in this process: double until a block is missing, then halve (blocks have no gaps).
    if (!(await block(name, 0))) t = { k: 0, end: 0 };
    else {
      let lo = 0;
      let hi = 1;
      while (await block(name, hi)) [lo, hi] = [hi, hi * 2];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (await block(name, mid)) lo = mid;
        else hi = mid;
      }
      const b = (await block(name, lo))!;
      t = { k: lo + 1, end: b.start + b.size };
    }
  }
  // Blocks another process took since.
  for (let b = await block(name, t.k); b; b = await block(name, t.k)) t = { k: t.k + 1, end: b.start + b.size };
  known.set(name, t);
  return t;
}

/** The sequence's end: every number below it is taken (its row may not be written yet, or never was). */
export const sequenceEnd = async (name: string) => (await tip(name)).end;

/** Takes `size` consecutive numbers (one insert when this process is up to date); returns the first. */
async function takeBlock(name: string, size: number): Promise<number> {
  let t = known.get(name) ?? (await tip(name));
  for (;;) {
    // Grouped with the blocks other sequences take in the same turn (a fan-out numbers each
    // recipient's notifications in a sequence of their own): one insert command for all of them.
    if (await firstWriter(groupInsert(SequenceBlockModel.collection, [{ _id: `${name}:${t.k}`, start: t.end, size }]))) {
      known.set(name, { k: t.k + 1, end: t.end + size });
      return t.end;
    }
    const b = (await block(name, t.k))!;
    t = { k: t.k + 1, end: b.start + b.size };
  }
}

interface Taker {
  size: number;
  resolve(first: number): void;
  reject(err: unknown): void;
}
const lanes = new Map<string, { waiting: Taker[]; busy: boolean }>();

/**
 * Takes `size` consecutive numbers; returns the first. The takers of one sequence in this process
 * share a block: those that arrive while a block is being taken wait for it and take the next one
 * together. Racing each other for the same block instead, every loser paid a read and another
 * insert: a burst of ten filings' mails cost about 55 inserts and 45 reads for 10 blocks (issue 8).
 * Other processes still race by the unique block insert.
 */
export function takeNumbers(name: string, size: number): Promise<number> {
  let lane = lanes.get(name);
  if (!lane) lanes.set(name, (lane = { waiting: [], busy: false }));
  const l = lane;
  return new Promise((resolve, reject) => {
    l.waiting.push({ size, resolve, reject });
    if (!l.busy) {
      l.busy = true;
      // The next turn, as group inserts leave (groupInsert.ts): takers of the same turn share one block.
      setImmediate(() => void drain(name, l));
    }
  });
}

async function drain(name: string, lane: { waiting: Taker[]; busy: boolean }): Promise<void> {
  while (lane.waiting.length) {
    const batch = lane.waiting.splice(0);
    try {
      const size = batch.reduce((n, t) => n + t.size, 0);
      let first = await takeBlock(name, size);
      for (const t of batch) {
        t.resolve(first);
        first += t.size;
      }
    } catch (err) {
      for (const t of batch) t.reject(err);
    }
  }
  lane.busy = false;
}

/** `seq` and `band` for `n` new rows, in order. */
export async function numbered(name: string, n: number): Promise<{ seq: number; band: number }[]> {
  if (n === 0) return [];
  const first = await takeNumbers(name, n);
  return Array.from({ length: n }, (_, i) => ({ seq: first + i, band: bandOf(first + i) }));
}

/** Forgets what this process knows (a test that empties the database). */
export const forgetSequences = () => known.clear();

type Numbered = { _id: mongoose.Types.ObjectId; seq?: number | null };

/** The 400 of a cursor that is no row of the list asked for (an API client reads it as it is: both languages). */
export const CURSOR_NOT_OF_LIST =
  '游标不属于此列表，请使用本列表上一页返回的 nextCursor / The cursor is not a row of this list: pass the nextCursor of its previous page';

/** Where a list's rows keep their number and band, the band's size, and whether every number is a row of the filter. */
export type Numbering = { seq: string; band: string; size: number; dense: boolean };

/**
 * One page of the rows matching `filter`, newest (highest number) first: the bands from the newest
 * down, `{...filter, band}` each, a few at once (two, then four, up to eight), until the page and
 * one row more are found. The cursor is the last row's _id. Rows without a number are not listed
 * (the start-up backfill numbers them). For filters that keep most rows; a rare one reads many bands.
 * A `dense` numbering (the filter's own sequence, each number a row of it but the rare lost one) reads
 * first just the bands that hold the page.
 */
export async function bandedPage<T>(
  model: mongoose.Model<T>,
  name: string,
  filter: Record<string, unknown>,
  q: { limit: number; cursor?: string },
  numbering: Numbering = { seq: 'seq', band: 'band', size: BAND, dense: false },
): Promise<{ items: (T & Numbered)[]; nextCursor: string | null }> {
  const numberOf = (row: unknown) => (row as Record<string, unknown> | null)?.[numbering.seq];
  let upper: number;
  if (q.cursor) {
    // A dense number is of the filter's own sequence (one merchant's records): another list's row
    // (another merchant's) would page from a number that means nothing here, so its row must match.
    // A number of the global sequence is a place in any list of it, whatever the row holds now.
    const own = numbering.dense ? filter : {};
    const at = numberOf(
      mongoose.isValidObjectId(q.cursor) ? await model.findOne({ ...own, _id: q.cursor }, { [numbering.seq]: 1 }).lean() : null,
    );
    if (typeof at !== 'number') throw invalidField('cursor', CURSOR_NOT_OF_LIST);
    upper = at;
  } else upper = await sequenceEnd(name);
  const want = q.limit + 1;
  const rows: { row: T & Numbered; seq: number }[] = [];
  let next = bandOf(upper - 1, numbering.size);
  // Dense: the bands from `next` down to the one where the page's last number falls.
  const first = numbering.dense ? next + 1 - Math.max(0, bandOf(upper - want, numbering.size)) : 2;
  for (let round = first; next >= 0 && rows.length < want; round = Math.min(round * 2, 8)) {
    const bands = Array.from({ length: Math.min(round, next + 1) }, (_, i) => next - i);
    next -= bands.length;
    const read = await Promise.all(bands.map((band) => model.find({ ...filter, [numbering.band]: band }).lean<(T & Numbered)[]>()));
    for (const row of read.flat()) {
      const seq = numberOf(row);
      if (typeof seq === 'number' && seq < upper) rows.push({ row, seq });
    }
  }
  rows.sort((a, b) => b.seq - a.seq);
  const items = rows.slice(0, q.limit).map((r) => r.row);
  return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1]!._id) : null };
}
