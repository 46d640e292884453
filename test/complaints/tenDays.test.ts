import { expect } from 'chai';
import { entriesHoldPhraseTerms, phraseTermsHeld } from '../../server/complaints/backfillTerms.js';
import { backfillTenDays, tenDaysHeld } from '../../server/complaints/tenDays.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { resetDb } from '../helpers/database.js';
import { freshWorld } from '../helpers/server.js';

describe('the thirds of a month (旬) held by every list entry', () => {
  it('are held for the database that recorded them, not for an emptied one the same process reads next', async () => {
    await freshWorld();
    expect(await tenDaysHeld()).to.equal(false);
    // An earlier file of the run started a server: its backfill recorded the thirds held.
    expect(await backfillTenDays()).to.equal(0);
    expect(await tenDaysHeld()).to.equal(true);
    await entriesHoldPhraseTerms();
    expect(await phraseTermsHeld()).to.equal(true);
    // The next file's database is emptied: its entries written without `tx` (complaints.lists.test.ts
    // unsets it) must be read by their days, or a list reading their thirds drops them.
    await resetDb();
    expect(await ComplaintEntryModel.countDocuments({})).to.equal(0);
    expect(await tenDaysHeld()).to.equal(false);
    // The search's phrase claim is remembered the same way, and forgotten with it.
    expect(await phraseTermsHeld()).to.equal(false);
  });
});
