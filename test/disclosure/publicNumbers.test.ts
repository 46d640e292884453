// The public list without a filter, and a merchant's or a city's, read bands of publication numbers
// (server/disclosure/numbers.ts), not days: the deadline job publishes a whole day's at 00:01. Here 300
// records of one store published in the same second, 60 over the days before, and 80 of another
// merchant's store in another city in that second, written out of order as a bulk load writes them,
// are numbered as a start numbers them; every page of each list is walked against the read sorted by
// _id, and each page's record reads are counted (mongoose's debug hook, then the rows each read
// selects): two bands at most, never the day.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { publicComplaintQuery } from '../../shared/schemas/disclosure.js';
import { publicCountDeltas } from '../../server/disclosure/counts.js';
import { backfillPublicNumbers, forgetPublicNumbered, NUMBERED_FILTERS, numberedId } from '../../server/disclosure/numbers.js';
import { countedPublicComplaints } from '../../server/disclosure/present.js';
import { addDeltas } from '../../server/counts/ledger.js';
import { BAND, CURSOR_NOT_OF_LIST } from '../../server/db/sequence.js';
import { AppError } from '../../server/http/errors.js';
import { withDirectWrites } from '../../server/db/directWrites.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { publishedRecord, rankedNumbers, sortedPublicRead } from '../helpers/publicRecords.js';
import { freshWorld } from '../helpers/server.js';
import { testEmbeddedDb } from '../helpers/database.js';

const HOUR = 3600_000;
const SAME_SECOND = 300;

describe('public list without a filter: bands of publication numbers', function () {
  this.timeout(400_000);
  // Tomorrow at 00:01 in Shanghai: newer than anything the foundation published.
  const day0 = Date.parse(new Date(Date.now() + 32 * HOUR).toISOString().slice(0, 10) + 'T00:01:00+08:00');

  let store: Parameters<typeof publishedRecord>[0];
  let lists: Record<string, unknown>[];

  before(async () => {
    const world = await freshWorld();
    store = world.stores[0]!;
    const other = world.stores.find((s) => String(s.merchantId) !== String(store.merchantId) && s.cityCode !== store.cityCode)!;
    lists = [{}, { merchantId: String(store.merchantId) }, { cityCode: store.cityCode }];
    const records = [
      ...Array.from({ length: SAME_SECOND }, () => publishedRecord(store, day0)),
      ...Array.from({ length: 60 }, (_, i) => publishedRecord(store, day0 - (i + 1) * 6 * HOUR)),
      ...Array.from({ length: 80 }, () => publishedRecord(other, day0)),
    ];
    // Out of order, as a load's chunks write them: odd positions first, each half backwards.
    const written = [...records.filter((_, i) => i % 2).reverse(), ...records.filter((_, i) => !(i % 2)).reverse()];
    await PublicComplaintModel.insertMany(written);
    await addDeltas(records.flatMap((r) => publicCountDeltas(r)));
    await backfillPublicNumbers(true);
    expect(await PublicComplaintModel.countDocuments({ day: records[0]!.day })).to.be.at.least(SAME_SECOND);
  });

  /** Every page of the list of `filter` from the first, with the rows each page's record reads select. */
  async function walk(filter: Record<string, unknown>, limit: number) {
    const [only] = Object.keys(filter) as (keyof typeof NUMBERED_FILTERS)[];
    const keys = [...Object.keys(filter), only ? NUMBERED_FILTERS[only].band : 'band'].join();
    const band = only ? NUMBERED_FILTERS[only].size : BAND;
    const pages: string[][] = [];
    const selected: number[] = [];
    let total: number | undefined;
    let cursor: string | undefined;
    do {
      const reads: Record<string, unknown>[] = [];
      mongoose.set('debug', (coll: string, method: string, filter: Record<string, unknown>) => {
        if (coll === 'publiccomplaints' && method === 'find') reads.push(filter);
      });
      const p = await countedPublicComplaints(publicComplaintQuery.parse({ ...filter, limit, ...(cursor ? { cursor } : {}) })).finally(() =>
        mongoose.set('debug', false),
      );
      expect(reads.every((r) => Object.keys(r).join() === keys)).to.equal(true, JSON.stringify(reads));
      let rows = 0;
      for (const r of reads) rows += await PublicComplaintModel.countDocuments(r);
      selected.push(rows);
      pages.push(p.items.map((x) => x.id));
      total = p.total;
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return { total, pages, selected, band };
  }

  for (const [i, list] of ['all records', "the merchant's", "the city's"].entries())
    for (const limit of [20, 7])
      it(`pages of ${limit} of ${list} as the sorted read gives them, each reading two bands at most`, async () => {
        const got = await walk(lists[i]!, limit);
        expect({ total: got.total, pages: got.pages }).to.deep.equal(await sortedPublicRead(lists[i]!, limit));
        expect(Math.max(...got.selected)).to.be.at.most(2 * got.band);
      });

  it("answers 400 to a merchant's or a city's list given a cursor of another's record, and pages from one of its own", async () => {
    const theirs = (await PublicComplaintModel.findOne({ merchantId: { $ne: store.merchantId } }, { _id: 1 }).lean())!;
    const ours = (await PublicComplaintModel.findOne({ merchantId: store.merchantId }, { _id: 1 }).lean())!;
    for (const list of lists.slice(1)) {
      const page = (cursor: unknown) => countedPublicComplaints(publicComplaintQuery.parse({ ...list, limit: 20, cursor: String(cursor) }));
      const refused = await page(theirs._id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, JSON.stringify(list)).to.be.instanceOf(AppError);
      expect(refused).to.deep.include({ status: 400, code: 'invalid_input', message: CURSOR_NOT_OF_LIST });
      expect((refused as AppError).details).to.deep.equal([{ path: 'cursor', message: CURSOR_NOT_OF_LIST }]);
      expect((await page(ours._id)).items).to.not.be.empty;
    }
    // The list without a filter numbers every record: any record's cursor is a place in it.
    expect((await countedPublicComplaints(publicComplaintQuery.parse({ limit: 20, cursor: String(theirs._id) }))).items).to.not.be.empty;
  });

  it("numbers the merchants' and cities' records of a database numbered before them, keeping the numbers of all", async () => {
    const numbers = { merchantSeq: 1, merchantBand: 1, citySeq: 1, cityBand: 1 };
    await PublicComplaintModel.updateMany({}, { $unset: numbers });
    await JobRunModel.deleteOne({ key: 'backfill:public-filter-numbers' });
    forgetPublicNumbered();
    const before = await PublicComplaintModel.find({}, { seq: 1 }).sort({ _id: 1 }).lean();
    expect(await backfillPublicNumbers()).to.equal(before.length);
    expect(await PublicComplaintModel.find({}, { seq: 1 }).sort({ _id: 1 }).lean()).to.deep.equal(before);
    expect(await backfillPublicNumbers()).to.equal(0);
    for (const filter of lists.slice(1)) {
      const got = await walk(filter, 20);
      expect({ total: got.total, pages: got.pages }).to.deep.equal(await sortedPublicRead(filter, 20));
    }
  });

  it('numbers a publication asked for while a start renumbers the records after all of them', async () => {
    // The start does not wait for the renumbering: a publication meanwhile must not get a number below it.
    const renumbering = backfillPublicNumbers(true);
    const live = numberedId(store);
    const [n, { numbers }] = await Promise.all([renumbering, live]);
    expect(n).to.equal(await PublicComplaintModel.countDocuments({}));
    for (const [filter, seq] of [
      [{}, 'seq'],
      [{ merchantId: store.merchantId }, 'merchantSeq'],
      [{ cityCode: store.cityCode }, 'citySeq'],
    ] as const) {
      const top = (await PublicComplaintModel.findOne(filter, { [seq]: 1 })
        .sort({ [seq]: -1 })
        .lean())!;
      expect(numbers[seq]).to.be.above(top[seq]!);
    }
  });

  it('numbers live publications in the order of their ids, after the numbered records', async () => {
    const top = (await PublicComplaintModel.findOne({}, { seq: 1 }).sort({ seq: -1 }).lean())!;
    const taken = await Promise.all(Array.from({ length: 6 }, () => numberedId(store)));
    for (const seq of ['seq', 'merchantSeq', 'citySeq']) {
      const bySeq = [...taken].sort((a, b) => a.numbers[seq]! - b.numbers[seq]!).map((t) => String(t._id));
      expect(bySeq).to.deep.equal(taken.map((t) => String(t._id)).sort());
    }
    expect(Math.min(...taken.map((t) => t.numbers.seq!))).to.be.above(top.seq!);
  });

  it('numbers them all straight in the table (the seeders) as through the driver, fields added where $set adds them', async function () {
    const url = testEmbeddedDb()?.postgresUrl;
    if (!url) this.skip();
    // Every other record without its numbers, as a load writes its own.
    const all = (await PublicComplaintModel.find({}, { _id: 1 }).sort({ _id: 1 }).lean()).map((r) => r._id);
    const unnumbered = all.filter((_, i) => i % 2);
    const unset = { seq: 1, band: 1, merchantSeq: 1, merchantBand: 1, citySeq: 1, cityBand: 1 };
    const numbered = async (direct: boolean) => {
      await PublicComplaintModel.updateMany({ _id: { $in: unnumbered } }, { $unset: unset });
      expect(await (direct ? withDirectWrites(url!, () => backfillPublicNumbers(true)) : backfillPublicNumbers(true))).to.equal(all.length);
      // The fields in their stored order.
      return rankedNumbers(await PublicComplaintModel.collection.find({}).sort({ _id: 1 }).toArray());
    };
    const byDriver = await numbered(false);
    expect(await numbered(true)).to.deep.equal(byDriver);
  });
});
