// List entries written before the thirds of a month (listBuckets.ts `byTenDays`) lack `tx`, and those
// written before the hours (`byHours`) lack `th` and `dh`: a list reads a large month by its days, or
// a large day whole, until every entry holds them. Once per database, in the background after the
// start, each entry without one gets it from its day of filing or its sort keys, in one pass of bulk
// updates (backfillTerms.ts). These follow from fields that never change with them, so a live writer
// meanwhile writes the same values and a stop halfway leaves the rest to the next start; the claim at
// the end tells every process that the bucket holds all its entries.
import { heldClaim } from '../jobs/claim.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { updateInSteps } from './backfillTerms.js';
import { hourOfKey, tenDaysOf } from './listBuckets.js';

/** A bucket field's claim and the backfill giving entries without `field` what `set` makes of the projected fields. */
function bucketField(key: string, field: string, projection: Record<string, 1>, set: (r: Record<string, unknown>) => object, what: string) {
  const claimed = heldClaim(key, 'backfill');
  return {
    ...claimed,
    async backfill(): Promise<number> {
      if (await claimed.held()) return 0;
      const done = await updateInSteps(
        ComplaintEntryModel.collection.find({ [field]: { $exists: false } }, { projection }),
        (r) => ({ updateOne: { filter: { _id: r._id }, update: { $set: set(r) } } }),
        what,
      );
      await claimed.mark();
      return done;
    },
  };
}

const tenDays = bucketField(
  'backfill:complaint-entry-ten-days',
  'tx',
  { td: 1 },
  (r) => ({ tx: tenDaysOf(r.td as string) }),
  'list entries given their third of the month',
);
const hours = bucketField(
  'backfill:complaint-entry-hours',
  'th',
  { ts: 1, dk: 1 },
  (r) => ({ th: hourOfKey(r.ts as string), ...(r.dk ? { dh: hourOfKey(r.dk as string) } : {}) }),
  'list entries given their hour',
);

/** Records that every entry holds `tx`: a database seeded from empty writes it. */
export const entriesHoldTenDays = tenDays.mark;
/** Whether every entry holds `tx`, so a list may read a third of a month in one read. */
export const tenDaysHeld = tenDays.held;
export const backfillTenDays = tenDays.backfill;

/** Records that every entry holds `th` (and `dh` when due): a database seeded from empty writes them. */
export const entriesHoldHours = hours.mark;
/** Whether every entry holds its hours, so a list may read a large day an hour at a time. */
export const hoursHeld = hours.held;
export const backfillHours = hours.backfill;
