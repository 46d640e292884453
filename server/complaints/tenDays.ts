// List entries written before the thirds of a month (listBuckets.ts `byTenDays`) lack `tx`: a list
// reads a large month by its days until every entry holds it. Once per database, in the background
// after the start, each entry without it gets it from its day of filing, in one pass of bulk updates
// (backfillTerms.ts). `tx` follows from `td`, which never changes, so a live writer meanwhile writes
// the same value and a stop halfway leaves the rest to the next start; the claim at the end tells every
// process that a third of a month holds all its entries.
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { updateInSteps } from './backfillTerms.js';
import { tenDaysOf } from './listBuckets.js';

const DONE = 'backfill:complaint-entry-ten-days';
// Remembered once seen (a list asks at every month it reads by days); forgotten only with the database.
let held = false;

/** Records that every entry holds `tx`: a database seeded from empty writes it. */
export const entriesHoldTenDays = () => claim(DONE, 'backfill');

/** Whether every entry holds `tx`, so a list may read a third of a month in one read. */
export async function tenDaysHeld(): Promise<boolean> {
  return (held ||= !!(await JobRunModel.exists({ key: DONE })));
}

export async function backfillTenDays(): Promise<number> {
  if (await tenDaysHeld()) return 0;
  const done = await updateInSteps(
    ComplaintEntryModel.collection.find({ tx: { $exists: false } }, { projection: { td: 1 } }),
    (r) => ({ updateOne: { filter: { _id: r._id }, update: { $set: { tx: tenDaysOf(r.td as string) } } } }),
    'list entries given their third of the month',
  );
  await entriesHoldTenDays();
  held = true;
  return done;
}

/**
 * Forgets that every entry holds `tx` (a test that empties the database): the claim went with the
 * database, and a list that still believed it read thirds its entries lacked, dropping them.
 */
export function forgetTenDaysHeld(): void {
  held = false;
}
