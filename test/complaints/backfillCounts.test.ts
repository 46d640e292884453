import { expect } from 'chai';
import { backfillEntryCounts, splitDayCounts } from '../../server/complaints/backfillCounts.js';
import { cellScope, hotspotCell, quarterOf } from '../../server/analytics/rollup.js';
import { complaintEntry, type EntrySource } from '../../server/complaints/entries.js';
import { bucketCountKeys, daysScope } from '../../server/complaints/listBuckets.js';
import { addDeltas, readCounts } from '../../server/counts/ledger.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { freshWorld } from '../helpers/server.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';

describe('list entries written before the time buckets and hotspot grids', () => {
  before(async () => {
    const world = await freshWorld();
    for (let i = 0; i < 3; i++) await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
  });

  it('get their buckets, bucket counts and hotspot cells once, at start', async () => {
    const truth = await readCounts('region:33');
    const month = (await ComplaintEntryModel.findOne({}, { tm: 1 }).lean())!.tm;
    const daysTruth = await readCounts(daysScope('region:33', month));
    expect(Object.keys(daysTruth).some((k) => k.startsWith('td:'))).to.equal(true);
    const rows = await ComplaintEntryModel.find({}, { c: 1 }).lean();
    const quarter = (r: (typeof rows)[number]) => cellScope('33', quarterOf((r.c as EntrySource).day!));
    const cellsTruth = await readCounts(quarter(rows[0]!));
    expect(Object.values(cellsTruth).reduce((a, b) => a + b, 0)).to.be.greaterThan(0);
    expect(rows.length).to.be.greaterThan(0);
    // The database as it was: rows without buckets, and a ledger without their counts.
    for (const r of rows) {
      const entry = complaintEntry(r.c as EntrySource);
      const { months, days } = bucketCountKeys(entry);
      const d = Object.fromEntries(months.map((k) => [k, -1]));
      await addDeltas(entry.aud.map((scope) => ({ _id: `${scope}|${entry._id}|before`, scope, d })));
      for (const [month, keys] of days)
        await addDeltas(
          entry.aud.map((scope) => ({
            _id: `${daysScope(scope, month)}|${entry._id}|before`,
            scope: daysScope(scope, month),
            d: Object.fromEntries(keys.map((k) => [k, -1])),
          })),
        );
      const c = r.c as EntrySource;
      const [scope, cell] = hotspotCell('33', c.countyCode, c.product?.category, c.day!, c.week!);
      await addDeltas([{ _id: `${scope}|${entry._id}|before`, scope, d: { [Object.keys(cell)[0]!]: -1 } }]);
    }
    await ComplaintEntryModel.updateMany({}, { $unset: { tm: 1, td: 1, dm: 1, dd: 1, cv: 1 } });
    await JobRunModel.deleteMany({ job: 'backfill' });
    expect(Object.keys(await readCounts('region:33')).some((k) => k.startsWith('tm:'))).to.equal(false);

    await backfillEntryCounts(2);
    expect(await readCounts('region:33')).to.deep.equal(truth);
    expect(await readCounts(daysScope('region:33', month))).to.deep.equal(daysTruth);
    expect(await readCounts(quarter(rows[0]!))).to.deep.equal(cellsTruth);
    const after = await ComplaintEntryModel.find({}, { tm: 1, td: 1 }).lean();
    expect(after.every((r) => r.tm && r.td)).to.equal(true);
    // Done once: a later start skips the scan (a row left without buckets now stays so).
    await ComplaintEntryModel.updateOne({ _id: after[0]!._id }, { $unset: { tm: 1 } });
    await backfillEntryCounts();
    expect((await ComplaintEntryModel.findById(after[0]!._id).lean())!.tm).to.equal(undefined);
  });

  it("move an audience's day counts out of its scope into its month scopes, once", async () => {
    const scopes = ['region:33', 'region:3301'];
    // An entry with buckets: the test before leaves one without (`tm` unset), and an unsorted read may return it.
    const month = (await ComplaintEntryModel.findOne({ tm: { $exists: true } }, { tm: 1 }).lean())!.tm;
    const truth = await Promise.all(scopes.flatMap((s) => [readCounts(s), readCounts(daysScope(s, month))]));
    // The ledger as the previous version wrote it: the day keys in the audience's own scope.
    for (const scope of scopes) {
      const days = await readCounts(daysScope(scope, month));
      await addDeltas([
        { _id: `${scope}|old-layout`, scope, d: days },
        {
          _id: `${daysScope(scope, month)}|old-layout`,
          scope: daysScope(scope, month),
          d: Object.fromEntries(Object.entries(days).map(([k, v]) => [k, -v])),
        },
      ]);
    }
    expect(Object.keys(await readCounts('region:33')).some((k) => k.startsWith('td:'))).to.equal(true);
    await JobRunModel.deleteMany({ job: 'backfill' });
    await splitDayCounts();
    expect(await Promise.all(scopes.flatMap((s) => [readCounts(s), readCounts(daysScope(s, month))]))).to.deep.equal(truth);
    // Done once: a second start reads nothing and moves nothing.
    await splitDayCounts();
    expect(await Promise.all(scopes.flatMap((s) => [readCounts(s), readCounts(daysScope(s, month))]))).to.deep.equal(truth);
  });
});
