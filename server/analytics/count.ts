// Counting facts by a few bucket fields. FerretDB v1 (SQLite) answers a $group in time
// proportional to documents × groups, so a region × category × week grouping of thousands of
// cells took seconds per thousand complaints; one projected read of the bucket fields, counted
// here, costs a single pass. Few-group questions could use $group, but one path keeps it simple.
import { weekOfDay, weekRange } from '../../shared/weeks.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { readDirect } from '../db/directWrites.js';

export type Bucket = Record<string, unknown>;

function read(match: Record<string, unknown>, fields: string[]): Promise<Bucket[]> {
  const projection: Record<string, 0 | 1> = { _id: 0 };
  for (const f of fields) projection[f] = 1;
  return ComplaintFactModel.collection.find(match, { projection }).toArray() as Promise<Bucket[]>;
}

/** Beyond this many weeks a period is read in one query (and filtered by day after reading). */
const MAX_WEEK_READS = 60;

/**
 * Rows of the matching facts with only these fields. A day range is not something the engine
 * pushes down (it would read every fact of the region and filter after), so a bounded period is
 * read week by week, each an equality on the fact's `week`, and its first and last days trimmed here.
 */
export async function factRows(match: Record<string, unknown>, fields: string[]): Promise<Bucket[]> {
  const { day, ...rest } = match;
  const range = day as { $gte?: string; $lte?: string } | undefined;
  if (!range || typeof range !== 'object' || !range.$gte || !range.$lte) return read(match, fields);
  const { $gte: from, $lte: to } = range;
  const weeks = weekRange(weekOfDay(from), weekOfDay(to));
  if (weeks.length > MAX_WEEK_READS) return read(match, fields);
  const parts = await Promise.all(weeks.map((week) => read({ ...rest, week }, [...fields, 'day'])));
  return parts.flat().filter((r) => (r.day as string) >= from && (r.day as string) <= to);
}

/**
 * These fields of the facts created from `from` (to `to`, if given), read straight from the engine's
 * table by a seeder (null otherwise: the caller reads through the driver). FerretDB would decode every
 * whole fact for a few fields. A date is then its milliseconds, an id its hex string.
 */
export async function directFacts(fields: string[], from: Date, to?: Date): Promise<Bucket[] | null> {
  const rows = await readDirect(ComplaintFactModel.collection, [...new Set([...fields, 'createdAt'])]);
  const [min, max] = [from.getTime(), to?.getTime() ?? Infinity];
  return rows && rows.filter((r) => (r.createdAt as number) >= min && (r.createdAt as number) <= max);
}
