import { expect } from 'chai';
import mongoose from 'mongoose';
import { now } from '../../server/clock.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { backfillPublicNumbers, filtersNumbered, forgetPublicNumbered, publicNumbered } from '../../server/disclosure/numbers.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { readCounts } from '../../server/counts/ledger.js';
import { WEEKS_SCOPE } from '../../server/analytics/rollup.js';
import { synthesize } from '../../server/products/synthetic.js';
import { seedBulk } from '../../server/seed/bulk.js';
import { seedIfEmpty } from '../../server/seed/demo.js';
import { resetDb, testEmbeddedDb } from '../helpers/database.js';
import { withDirectWrites } from '../../server/db/directWrites.js';
import { historyViolations, worldViolations } from '../helpers/lifecycle.js';
import { freshWorld, testConfig } from '../helpers/server.js';
import { rankedNumbers } from '../helpers/publicRecords.js';
import { backfillCreditNumbers, CREDIT_BAND } from '../../server/products/factNumbers.js';
import { forgetHeldClaims } from '../../server/jobs/claim.js';

// Monday 2 March 2026, 10:00 Shanghai: no public holiday in the next four weeks (the merchant's ten
// working days end on 16 March).
const T0 = new Date('2026-03-02T02:00:00Z');

/**
 * Each merchant's facts numbered one after the other in the order of filing (createdAt, then complaint
 * id), each in its band, and recorded as numbered: the credit inputs read bands at once, the start
 * numbering none.
 */
async function factsNumberedInOrder() {
  const facts = await ComplaintFactModel.find({}, { merchantId: 1, complaintId: 1, createdAt: 1, creditSeq: 1, creditBand: 1 }).lean();
  const byMerchant = new Map<string, typeof facts>();
  for (const f of facts) byMerchant.set(String(f.merchantId), [...(byMerchant.get(String(f.merchantId)) ?? []), f]);
  for (const own of byMerchant.values()) {
    own.sort(
      (a, b) =>
        new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (String(a.complaintId) < String(b.complaintId) ? -1 : 1),
    );
    const first = own[0]!.creditSeq!;
    expect(own.map((f) => [f.creditSeq, f.creditBand])).to.deep.equal(
      own.map((_, i) => [first + i, Math.floor((first + i) / CREDIT_BAND)]),
    );
  }
  forgetHeldClaims();
  expect(await backfillCreditNumbers()).to.equal(0);
}

describe('seeded worlds obey the lifecycle and its deadline jobs', function () {
  this.timeout(600_000);

  it('the rule check catches a complaint left with the merchant past its deadline, and a late answer', () => {
    const store = {
      _id: new mongoose.Types.ObjectId(),
      merchantId: new mongoose.Types.ObjectId(),
      merchantName: '某商店',
      name: '某商店 一号店',
      countyCode: '330106',
    };
    const spec = {
      consumerId: new mongoose.Types.ObjectId(),
      store,
      product: { name: '水壶', category: 'household_appliance' },
      problemType: 'quality',
      description: '坏了',
    };
    const open = synthesize({ ...spec, at: T0, path: 'open' }, now());
    expect(historyViolations(open.events, now()))
      .to.have.length(1)
      .and.to.match(/awaiting_merchant \d+ days past its deadline/);
    const late = synthesize({ ...spec, at: T0, path: 'resolved_late' }, now());
    expect(historyViolations(late.events, now()).join('\n')).to.match(/event 2 respond: \d+ h after the awaiting_merchant deadline/);
    // The same lives with the clock running are what the job would have made.
    for (const path of ['open', 'resolved_late', 'escalated', 'declined'] as const) {
      const lived = synthesize({ ...spec, at: T0, path }, now(), { clock: true });
      expect(historyViolations(lived.events, now()), path).to.deep.equal([]);
    }
  });

  it('the demo seed of npm start', async () => {
    await resetDb();
    expect(await seedIfEmpty(testConfig())).to.equal(true);
    expect(await ComplaintModel.countDocuments()).to.be.above(5000);
    // Its entries are written with the month search terms, so the first start skips their backfill's scan.
    expect(await JobRunModel.exists({ key: 'backfill:complaint-entry-month-terms' })).to.not.equal(null);
    await factsNumberedInOrder();
    expect((await worldViolations(now())).slice(0, 10)).to.deep.equal([]);
  });

  // The CLI writes straight into the embedded engine's tables; through the driver on MongoDB.
  for (const direct of [false, true]) {
    it(`npm run seed -- --complaints N: spread, consistent with its events, facts and rollups${direct ? ' (direct writes)' : ''}`, async function () {
      if (direct && !testEmbeddedDb()?.postgresUrl) this.skip();
      const world = await freshWorld();
      const n = await withDirectWrites(direct ? testEmbeddedDb()!.postgresUrl : null, () => seedBulk(600));
      expect(n).to.equal(600);
      const all = await ComplaintModel.find(
        {},
        { status: 1, storeId: 1, merchantId: 1, countyCode: 1, 'product.category': 1, day: 1 },
      ).lean();
      expect(all).to.have.length(600);
      expect(new Set(all.map((c) => c.status)).size, 'statuses').to.be.at.least(7);
      expect(new Set(all.map((c) => c.day.slice(0, 7))).size, 'months').to.be.at.least(12);
      expect(new Set(all.map((c) => String(c.storeId))).size, 'stores').to.equal(world.stores.length);
      expect(new Set(all.map((c) => c.product!.category)).size, 'categories').to.be.at.least(10);
      expect((await worldViolations(now())).slice(0, 10)).to.deep.equal([]);
      const rebuilt = await rebuildProjections({ write: false });
      expect(rebuilt.checked).to.equal(600);
      expect(rebuilt.differing.slice(0, 3)).to.deep.equal([]);
      // One fact per complaint, with its status; every complaint counted once in the weekly figures.
      const facts = new Map((await ComplaintFactModel.find({}, { status: 1 }).lean()).map((f) => [String(f._id), f.status]));
      expect(all.every((c) => facts.get(String(c._id)) === c.status)).to.equal(true);
      expect(Object.values(await readCounts(WEEKS_SCOPE)).reduce((n, w) => n + w, 0)).to.equal(600);
      // The ledger (list counts and weekly figures) equals a recount from the events and facts.
      expect(rebuilt.countsDiffering).to.equal(0);
      // Its public records numbered in the order of their ids, each in its band, among all records, their
      // merchant's and their city's: every list reads bands at once, the start renumbering none.
      const publics = await PublicComplaintModel.collection.find({}).sort({ _id: 1 }).toArray();
      expect(publics.length).to.be.above(0);
      rankedNumbers(publics);
      forgetPublicNumbered();
      expect([await publicNumbered(), await filtersNumbered(), await backfillPublicNumbers()]).to.deep.equal([true, true, 0]);
      await factsNumberedInOrder();
    });
  }
});
