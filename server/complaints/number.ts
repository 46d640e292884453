// Complaint numbers ZJ-YYYYMMDD-000123 in blocks: one unique insert claims BLOCK numbers of the
// Shanghai day, which this process then hands out from memory, so a filing costs no database round
// trip for its number. Another instance claims its own block. Numbers stay unique; a block left
// unfinished when the process stops is a gap in the day's sequence (numbers are names, not counts).
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { ComplaintNumberModel } from '../models/ComplaintNumber.js';
import { firstWriter } from '../db/firstWriter.js';

export const NUMBER_BLOCK = 100;

interface Block {
  day: string;
  next: number;
  end: number;
}

let block: Block | null = null;
let claiming: Promise<Block> | null = null;

/** The first number after a day's row (rows without a size hold one number). */
export const endOf = (row: { n: number; size?: number | null }) => row.n + (row.size ?? 1);

export const formatNumber = (day: string, n: number) => `ZJ-${day}-${String(n).padStart(6, '0')}`;

/** Claims the next free block of a day: where the day's last row ends, read again after a clash. */
async function claimBlock(day: string): Promise<Block> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const last = await ComplaintNumberModel.findOne({ day }, { n: 1, size: 1 }).sort({ n: -1 }).lean();
    const start = last ? endOf(last) : 1;
    if (await firstWriter(ComplaintNumberModel.create({ day, n: start, size: NUMBER_BLOCK, at: now() })))
      return { day, next: start, end: start + NUMBER_BLOCK };
  }
  throw new Error('could not claim a block of complaint numbers');
}

/** The next readable number of the Shanghai day of `at`. */
export async function takeComplaintNumber(at: Date): Promise<string> {
  const day = shanghaiDay(at).replace(/-/g, '');
  for (;;) {
    if (block && block.day === day && block.next < block.end) return formatNumber(day, block.next++);
    // Concurrent filings wait for one claim rather than each claiming a block.
    claiming ??= claimBlock(day).finally(() => (claiming = null));
    const claimed = await claiming;
    if (!block || block.day !== claimed.day || block.next >= block.end) block = claimed;
  }
}

/** Forgets the block in hand (the database it came from was emptied: tests). */
export function forgetNumberBlock(): void {
  block = null;
}
