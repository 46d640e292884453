// Counting facts by a few bucket fields. FerretDB v1 (SQLite) answers a $group in time
// proportional to documents × groups, so a region × category × week grouping of thousands of
// cells took seconds per thousand complaints; one projected read of the bucket fields, counted
// here, costs a single pass. Few-group questions could use $group, but one path keeps it simple.
import { ComplaintFactModel } from '../models/ComplaintFact.js';

export type Bucket = Record<string, unknown>;

/** Rows of the matching facts with only these fields. */
export async function factRows(match: Record<string, unknown>, fields: string[]): Promise<Bucket[]> {
  const projection: Record<string, 0 | 1> = { _id: 0 };
  for (const f of fields) projection[f] = 1;
  return ComplaintFactModel.collection.find(match, { projection }).toArray() as Promise<Bucket[]>;
}

/** Counts of the matching facts per combination of `fields` (key: values joined by "|"). */
export async function countBy(match: Record<string, unknown>, fields: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const r of await factRows(match, fields)) {
    const key = fields.map((f) => String(r[f] ?? '')).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
