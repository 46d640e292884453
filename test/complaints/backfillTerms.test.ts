import { expect } from 'chai';
import { backfillMonthTerms, backfillPhraseTerms, phraseTermsHeld } from '../../server/complaints/backfillTerms.js';
import { complaintEntry, type EntrySource } from '../../server/complaints/entries.js';
import { complaintTerms } from '../../server/complaints/searchTerms.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { freshWorld } from '../helpers/server.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';

describe('list entries written before their search terms held the month of filing', () => {
  before(async () => {
    const world = await freshWorld();
    for (let i = 0; i < 3; i++) await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
  });

  it('get them once, at start, from their own terms, and lose the old field', async () => {
    const entries = ComplaintEntryModel.collection;
    const rows = await entries.find({}, { projection: { c: 1, tt: 1 } }).toArray();
    expect(rows.length).to.be.greaterThan(0);
    // The database as it was: `terms` without the month, no `tt`.
    for (const r of rows)
      await entries.updateOne({ _id: r._id }, { $set: { terms: complaintTerms(r.c as EntrySource) }, $unset: { tt: '' } });
    await JobRunModel.deleteMany({ job: 'backfill' });

    expect(await backfillMonthTerms()).to.equal(rows.length);
    for (const r of await entries.find({}, { projection: { c: 1, tt: 1, terms: 1 } }).toArray()) {
      expect(r.tt).to.deep.equal(complaintEntry(r.c as EntrySource).tt);
      expect(r.terms).to.equal(undefined);
    }
    // Done once: a later start skips the scan; a start after a stop halfway finds only what is left.
    expect(await backfillMonthTerms()).to.equal(0);
    await JobRunModel.deleteMany({ job: 'backfill' });
    await entries.updateOne({ _id: rows[0]!._id }, { $set: { terms: complaintTerms(rows[0]!.c as EntrySource) }, $unset: { tt: '' } });
    expect(await backfillMonthTerms()).to.equal(1);
    expect((await entries.findOne({ _id: rows[0]!._id }))!.tt).to.deep.equal(rows[0]!.tt);
  });

  it('get their phrase terms once, from their complaint copy, and searches read by phrase after', async () => {
    const entries = ComplaintEntryModel.collection;
    const rows = await entries.find({}, { projection: { c: 1, tt: 1 } }).toArray();
    // The database as it was: month terms without phrases (a phrase is three characters after the month).
    for (const r of rows)
      await entries.updateOne(
        { _id: r._id },
        { $set: { tt: (r.tt as string[]).filter((t) => [...(t.split('|')[1] ?? '')].length !== 3) } },
      );
    await JobRunModel.deleteMany({ key: 'backfill:complaint-entry-phrase-terms' });

    expect(await backfillPhraseTerms()).to.equal(rows.length);
    for (const r of await entries.find({}, { projection: { c: 1, tt: 1 } }).toArray())
      expect(r.tt).to.deep.equal(complaintEntry(r.c as EntrySource).tt);
    expect(await phraseTermsHeld()).to.equal(true);
    expect(await backfillPhraseTerms()).to.equal(0);
  });
});
