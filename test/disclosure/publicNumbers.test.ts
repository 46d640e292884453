// The public list without a filter reads bands of publication numbers (server/disclosure/numbers.ts),
// not days: the deadline job publishes a whole day's at 00:01. Here 300 records published in the same
// second and 60 over the days before, written out of order as a bulk load writes them, are numbered as
// a start numbers them; every page is walked against the read sorted by _id, and each page's record
// reads are counted (mongoose's debug hook, then the rows each read selects): two bands at most,
// never the day.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { publicComplaintQuery } from '../../shared/schemas/disclosure.js';
import { publicCountDeltas } from '../../server/disclosure/counts.js';
import { backfillPublicNumbers, numberedId } from '../../server/disclosure/numbers.js';
import { countedPublicComplaints } from '../../server/disclosure/present.js';
import { addDeltas } from '../../server/counts/ledger.js';
import { BAND, bandOf } from '../../server/db/sequence.js';
import { withDirectWrites } from '../../server/db/directWrites.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { publishedRecord, sortedPublicRead } from '../helpers/publicRecords.js';
import { freshWorld } from '../helpers/server.js';
import { testEmbeddedDb } from '../helpers/database.js';

const HOUR = 3600_000;
const SAME_SECOND = 300;

describe('public list without a filter: bands of publication numbers', function () {
  this.timeout(400_000);
  // Tomorrow at 00:01 in Shanghai: newer than anything the foundation published.
  const day0 = Date.parse(new Date(Date.now() + 32 * HOUR).toISOString().slice(0, 10) + 'T00:01:00+08:00');

  before(async () => {
    const world = await freshWorld();
    const store = world.stores[0]!;
    const records = [
      ...Array.from({ length: SAME_SECOND }, () => publishedRecord(store, day0)),
      ...Array.from({ length: 60 }, (_, i) => publishedRecord(store, day0 - (i + 1) * 6 * HOUR)),
    ];
    // Out of order, as a load's chunks write them: odd positions first, each half backwards.
    const written = [...records.filter((_, i) => i % 2).reverse(), ...records.filter((_, i) => !(i % 2)).reverse()];
    await PublicComplaintModel.insertMany(written);
    await addDeltas(records.flatMap((r) => publicCountDeltas(r)));
    await backfillPublicNumbers(true);
    expect(await PublicComplaintModel.countDocuments({ day: records[0]!.day })).to.be.at.least(SAME_SECOND);
  });

  /** Every page from the first, with the rows each page's record reads select. */
  async function walk(limit: number) {
    const pages: string[][] = [];
    const selected: number[] = [];
    let total: number | undefined;
    let cursor: string | undefined;
    do {
      const reads: Record<string, unknown>[] = [];
      mongoose.set('debug', (coll: string, method: string, filter: Record<string, unknown>) => {
        if (coll === 'publiccomplaints' && method === 'find') reads.push(filter);
      });
      const p = await countedPublicComplaints(publicComplaintQuery.parse({ limit, ...(cursor ? { cursor } : {}) })).finally(() =>
        mongoose.set('debug', false),
      );
      expect(reads.every((r) => Object.keys(r).join() === 'band')).to.equal(true, JSON.stringify(reads));
      let rows = 0;
      for (const r of reads) rows += await PublicComplaintModel.countDocuments(r);
      selected.push(rows);
      pages.push(p.items.map((x) => x.id));
      total = p.total;
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return { total, pages, selected };
  }

  for (const limit of [20, 7])
    it(`pages of ${limit} as the sorted read gives them, each reading two bands at most`, async () => {
      const got = await walk(limit);
      expect({ total: got.total, pages: got.pages }).to.deep.equal(await sortedPublicRead({}, limit));
      expect(Math.max(...got.selected)).to.be.at.most(2 * BAND);
    });

  it('numbers a publication asked for while a start renumbers the records after all of them', async () => {
    // The start does not wait for the renumbering: a publication meanwhile must not get a number below it.
    const renumbering = backfillPublicNumbers(true);
    const live = numberedId();
    const [n, { seq }] = await Promise.all([renumbering, live]);
    const top = (await PublicComplaintModel.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean())!;
    expect(n).to.equal(await PublicComplaintModel.countDocuments({}));
    expect(seq).to.be.above(top.seq!);
  });

  it('numbers live publications in the order of their ids, after the numbered records', async () => {
    const top = (await PublicComplaintModel.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean())!;
    const taken = await Promise.all(Array.from({ length: 6 }, () => numberedId()));
    const bySeq = [...taken].sort((a, b) => a.seq - b.seq).map((t) => String(t._id));
    expect(bySeq).to.deep.equal(taken.map((t) => String(t._id)).sort());
    expect(Math.min(...taken.map((t) => t.seq))).to.be.above(top.seq!);
  });

  it('numbers them straight in the table (the seeders) as through the driver, fields added where $set adds them', async function () {
    const url = testEmbeddedDb()?.postgresUrl;
    if (!url) this.skip();
    // Every other record without its number, as a load writes its own.
    const all = (await PublicComplaintModel.find({}, { _id: 1 }).sort({ _id: 1 }).lean()).map((r) => r._id);
    const unnumbered = all.filter((_, i) => i % 2);
    const numbered = async (direct: boolean) => {
      await PublicComplaintModel.updateMany({ _id: { $in: unnumbered } }, { $unset: { seq: 1, band: 1 } });
      expect(await (direct ? withDirectWrites(url!, () => backfillPublicNumbers(true)) : backfillPublicNumbers(true))).to.equal(all.length);
      const docs = await PublicComplaintModel.collection.find({}).sort({ _id: 1 }).toArray();
      // Consecutive in _id order, each in its band; compared relative to the first, the fields in their stored order.
      return docs.map((d, i) => {
        expect([d.seq, d.band]).to.deep.equal([docs[0]!.seq + i, bandOf(docs[0]!.seq + i)]);
        return JSON.stringify({ ...d, seq: i, band: 0 });
      });
    };
    const byDriver = await numbered(false);
    expect(await numbered(true)).to.deep.equal(byDriver);
  });
});
