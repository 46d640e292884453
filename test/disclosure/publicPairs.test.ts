// The public list reads a city with a category, a city with a problem type, or a category with a
// problem type from their pair's own counts (server/disclosure/present.ts), as one filter alone: here
// 72 publications over three days are paged against the read sorted by _id and the count of rows, and
// the reads a first page sends are watched (mongoose's debug hook): no count of the pair's rows, only
// the buckets its own counts say hold the page.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { publicComplaintQuery, type PublicComplaintQuery } from '../../shared/schemas/disclosure.js';
import { publicCountDeltas } from '../../server/disclosure/counts.js';
import { countedPublicComplaints } from '../../server/disclosure/present.js';
import { addDeltas } from '../../server/counts/ledger.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { publishedRecord, sortedPublicRead } from '../helpers/publicRecords.js';
import { freshWorld } from '../helpers/server.js';

const HOUR = 3600_000;

describe('public list: two filters by their pair', function () {
  this.timeout(400_000);
  // From tomorrow in Shanghai, a publication every hour: newer than anything the foundation published.
  const day0 = Date.parse(new Date(Date.now() + 32 * HOUR).toISOString().slice(0, 10) + 'T00:10:00+08:00');

  before(async () => {
    const world = await freshWorld();
    const store = world.stores.find((s) => s.countyCode.startsWith('3301'))!;
    const records = Array.from({ length: 72 }, (_, i) =>
      publishedRecord(store, day0 + i * HOUR, {
        cityCode: '3301',
        category: i % 4 ? 'toy' : 'household_appliance',
        problemType: i % 2 ? 'quality' : 'service',
      }),
    );
    await PublicComplaintModel.insertMany(records);
    await addDeltas(records.flatMap((r) => publicCountDeltas(r)));
  });

  /** Every page from the first, and what the first page's reads of records select in all. */
  async function walk(q: PublicComplaintQuery) {
    const reads: Record<string, unknown>[] = [];
    mongoose.set('debug', (coll: string, method: string, filter: Record<string, unknown>) => {
      if (coll === 'publiccomplaints') reads.push({ method, ...filter });
    });
    const first = await countedPublicComplaints(q).finally(() => mongoose.set('debug', false));
    const pages = [first.items.map((x) => x.id)];
    for (let cursor = first.nextCursor; cursor;) {
      const p = await countedPublicComplaints({ ...q, cursor });
      pages.push(p.items.map((x) => x.id));
      cursor = p.nextCursor;
    }
    let selected = 0;
    for (const { method: _m, ...filter } of reads) selected += await PublicComplaintModel.countDocuments(filter);
    return { total: first.total, pages, reads, selected };
  }

  for (const [name, filter] of [
    ['all', {}],
    ['a city', { cityCode: '3301' }],
    ['a city and a category', { cityCode: '3301', category: 'toy' }],
    ['a category and a problem type', { category: 'toy', problemType: 'quality' }],
  ] as [string, Record<string, string>][])
    it(`pages ${name} as the sorted read does, its total and buckets from its own counts`, async () => {
      const limit = 5;
      const got = await walk(publicComplaintQuery.parse({ limit, ...filter }));
      expect({ total: got.total, pages: got.pages }).to.deep.equal(await sortedPublicRead(filter, limit));
      // Days, not the view's every row: the newest day's 24 publications (of a pair, 6 to 18) and no count.
      expect(got.reads.every((r) => r.method === 'find' && typeof r.day === 'string')).to.equal(true, JSON.stringify(got.reads));
      expect(got.selected).to.be.at.most(24);
    });
});
