import { expect } from 'chai';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { ReturnFactModel } from '../../server/models/ReturnFact.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { IdempotencyKeyModel } from '../../server/models/IdempotencyKey.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { breachKey, openBreach, repairBreaches } from '../../server/returns/breach.js';
import { seedReturns } from '../../server/seed/returns.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('demo returns', () => {
  let srv: TestServer;
  before(async function () {
    this.timeout(180_000);
    const world = await freshWorld();
    await seedReturns(world);
    srv = await startTestServer();
  });
  after(() => srv.stop());

  it('seeds some hundreds of returns over three months, mostly honoured, some across cities', async () => {
    const n = await ReturnRequestModel.countDocuments();
    expect(n).to.be.within(300, 400);
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const f = (await zj.get('/analytics/returns')).body;
    expect(f.honored / f.requests).to.be.greaterThan(0.75);
    expect(f.crossCityShare).to.be.within(0.05, 0.3);
    expect(f.breaches).to.be.greaterThan(3);
    const linked = await ComplaintModel.countDocuments({ problemType: 'return_refused', 'links.returnRequestId': { $exists: true } });
    expect(linked).to.be.greaterThan(2);
  });

  it("opens its breaches as the desk does: claimed and done, the consumer's complaint filed and counted, with its fact and notices", async () => {
    const breaches = await ReturnRequestModel.find({ breach: true }).lean();
    expect(breaches.length).to.be.greaterThan(3);
    const facts = new Map((await ReturnFactModel.find({ breach: true }).lean()).map((f) => [String(f._id), f]));
    const linked = breaches.filter((r) => r.consumerId);
    expect(linked.length).to.be.greaterThan(2);
    for (const r of breaches) {
      expect(r.breachKind).to.equal('refused');
      expect(facts.get(String(r._id))?.complaintId ? String(facts.get(String(r._id))!.complaintId) : undefined).to.equal(
        r.complaintId ? String(r.complaintId) : undefined,
      );
      const run = await JobRunModel.findOne({ key: breachKey(r._id) }).lean();
      expect(run?.result).to.deep.equal({ done: true, kind: 'refused', complaintId: r.complaintId ? String(r.complaintId) : null });
      const told = await NotificationModel.countDocuments({ key: breachKey(r._id), kind: 'return_breach' });
      expect(told, 'the merchant staff told').to.be.at.least(1);
    }
    for (const r of linked) {
      const c = (await ComplaintModel.findById(r.complaintId).lean())!;
      expect(c.links?.returnRequestId).to.equal(String(r._id));
      expect(c.status).to.equal('awaiting_merchant');
      expect(c.number).to.match(/^ZJ-\d{8}-\d{6}$/);
      expect(await ComplaintFactModel.exists({ _id: c._id })).to.not.equal(null);
      expect(await NotificationModel.exists({ key: `${c._id}:1`, kind: 'filed_consumer', userId: r.consumerId })).to.not.equal(null);
      expect(await IdempotencyKeyModel.exists({ key: breachKey(r._id), resourceId: c._id })).to.not.equal(null);
    }
    // Nothing left for the repair pass, and opening one again opens nothing.
    expect(await repairBreaches()).to.equal(0);
    expect(await openBreach(breaches[0]!._id)).to.equal(false);
    // The complaints, their list entries and counts are those their events make.
    const rebuilt = await rebuildProjections({ write: false });
    expect(rebuilt.differing).to.deep.equal([]);
    expect(rebuilt.entriesDiffering).to.equal(0);
    expect(rebuilt.countsDiffering).to.equal(0);
  });

  it('surfaces the refusing Wenzhou store in the compliance view with the default thresholds', async () => {
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const r = (await zj.get('/compliance/returns')).body;
    expect(r.merchants.map((m: { merchantName: string }) => m.merchantName)).to.deep.equal(['浙江万家福连锁超市有限公司']);
    expect(r.merchants[0].reasons).to.include('repeated_breaches');
    expect(r.merchants[0].stores[0].storeName).to.include('温州');
    expect(r.merchants[0].stores[0].flagged).to.equal(true);
    expect(r.trend.length).to.be.greaterThan(20);
  });

  it('lists the active commitments publicly and keeps the suspended one out', async () => {
    const items = (await new ApiClient(srv.url).get('/return-commitments')).body.items;
    expect(items.map((c: { scope: string }) => c.scope).sort()).to.deep.equal(['chain_city', 'chain_province', 'store']);
  });
});
