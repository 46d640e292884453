import { expect } from 'chai';
import { COMPLAINT_STATUSES } from '../../shared/enums.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { seedComplaints } from '../../server/seed/complaints.js';
import { worldViolations } from '../helpers/lifecycle.js';
import { freshWorld } from '../helpers/server.js';
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../../server/clock.js';
import { ComplaintNumberModel } from '../../server/models/ComplaintNumber.js';

describe('demo complaints seeder', function () {
  // A seed and a rebuild of every projection: 67 s at a load average of 29 on two cores.
  this.timeout(180_000);

  it('seeds a few hundred complaints in every status, identical to what the events give', async () => {
    const world = await freshWorld();
    const n = await seedComplaints(world);
    expect(n).to.be.within(200, 500);
    const statuses = new Set((await ComplaintModel.find({}, { status: 1 }).lean()).map((c) => c.status));
    expect([...statuses].sort()).to.deep.equal([...COMPLAINT_STATUSES].sort());
    const stores = new Set((await ComplaintModel.find({}, { storeId: 1 }).lean()).map((c) => String(c.storeId)));
    expect(stores.size).to.equal(world.stores.length);
    const report = await rebuildProjections({ write: false });
    expect(report.differing, JSON.stringify(report.differing.slice(0, 3))).to.deep.equal([]);
    // What the lifecycle and its deadline jobs would have made: nothing left past a deadline that moves it.
    expect((await worldViolations(now())).slice(0, 10)).to.deep.equal([]);
    const overdueWithMerchant = await ComplaintModel.countDocuments({
      status: 'awaiting_merchant',
      'deadlines.current.dueAt': { $lt: now() },
    });
    expect(overdueWithMerchant).to.equal(0);
  });

  it('takes numbers after those already taken on the same days (another seeder filed first)', async () => {
    const world = await freshWorld();
    const taken = Array.from({ length: 95 }, (_, i) => ({
      day: shanghaiDay(new Date(now().getTime() - i * 24 * 3600 * 1000)).replace(/-/g, ''),
      n: 1,
      complaintId: new mongoose.Types.ObjectId(),
    }));
    await ComplaintNumberModel.insertMany(taken);
    const n = await seedComplaints(world);
    expect(await ComplaintNumberModel.countDocuments()).to.equal(taken.length + n);
    const numbers = (await ComplaintModel.find({}, { number: 1 }).lean()).map((c) => c.number);
    expect(new Set(numbers).size).to.equal(n);
    expect(numbers.every((x) => !x.endsWith('-000001'))).to.equal(true);
  });
});
