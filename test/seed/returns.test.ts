import { expect } from 'chai';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
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
