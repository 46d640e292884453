// List entries written before the thirds of a month (listBuckets.ts `byTenDays`) lack `tx`: a list
// reads a large month by its days until every entry holds it. Once per database, in the background
// after the start, each entry without it gets it from its day of filing, in one pass of bulk updates
// (backfillTerms.ts). `tx` follows from `td`, which never changes, so a live writer meanwhile writes
// the same value and a stop halfway leaves the rest to the next start; the claim at the end tells every
// process that a third of a month holds all its entries.
import { heldClaim } from '../jobs/claim.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { updateInSteps } from './backfillTerms.js';
import { tenDaysOf } from './listBuckets.js';

const tenDays = heldClaim('backfill:complaint-entry-ten-days', 'backfill');

/** Records that every entry holds `tx`: a database seeded from empty writes it. */
export const entriesHoldTenDays = tenDays.mark;

/** Whether every entry holds `tx`, so a list may read a third of a month in one read. */
export const tenDaysHeld = tenDays.held;

export async function backfillTenDays(): Promise<number> {
  if (await tenDaysHeld()) return 0;
  const done = await updateInSteps(
    ComplaintEntryModel.collection.find({ tx: { $exists: false } }, { projection: { td: 1 } }),
    (r) => ({ updateOne: { filter: { _id: r._id }, update: { $set: { tx: tenDaysOf(r.td as string) } } } }),
    'list entries given their third of the month',
  );
  await entriesHoldTenDays();
  return done;
}
