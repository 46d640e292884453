import { expect } from 'chai';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { seedProblemProducts } from '../../server/seed/products.js';
import { backgroundSpecs, PLANTED, specStores } from '../../server/seed/productsPlan.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { detectAll } from '../../server/commands/detectFlags.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { isoWeek } from '../../shared/calendar.js';
import { addWeeks } from '../../shared/weeks.js';
import { now } from '../../server/clock.js';

describe('demo data: planted signals are found, ordered first, with their evidence', function () {
  this.timeout(180_000);
  let srv: TestServer;
  let zj: ApiClient;
  before(async () => {
    const world = await freshWorld();
    await seedProblemProducts(world);
    srv = await startTestServer();
    zj = await signedIn(srv.url, DEMO.regulatorZj);
  });
  after(() => srv.stop());

  it('seeds at least 5,000 complaints over six months', async () => {
    expect(await ComplaintFactModel.countDocuments()).to.be.at.least(5000);
  });

  it('flags the recurring product first and the twice-failed product next, and nothing else', async () => {
    const r = await zj.get('/product-flags');
    expect(r.status).to.equal(200);
    const [first, second, ...rest] = r.body.items;
    expect(first.product.model).to.equal(PLANTED.recurring.model);
    expect(first.rules).to.include.members(['volume', 'spread', 'safety']);
    expect(first.evidence.complaintCount).to.equal(16);
    expect(first.evidence.merchantCount).to.be.at.least(4);
    // The list shows the counts; the complaint ids behind them are the flag's own page.
    expect((await zj.get(`/product-flags/${first.id}`)).body.evidence.complaintIds).to.have.length(16);
    expect(new Set(first.evidence.regionCodes.map((c: string) => c.slice(0, 4))).size).to.be.at.least(4);
    expect(second.product.model).to.equal(PLANTED.sampled.model);
    expect(second.rules).to.include('sampling');
    expect(second.evidence.samplingFailures).to.equal(2);
    expect(second.status).to.equal('case_opened');
    expect(rest).to.deep.equal([]);
  });

  it('finds the Yiwu toy hotspot of last week as the top cell', async () => {
    const r = await zj.get('/analytics/hotspots?level=county');
    expect(r.status).to.equal(200);
    const hot = r.body.cells.filter((c: { hotspot: boolean }) => c.hotspot);
    expect(hot[0]).to.include({ regionCode: PLANTED.hotspot.countyCode, category: 'toy', week: addWeeks(isoWeek(now()), -1) });
    expect(hot[0].observed).to.be.at.least(24);
    expect(hot).to.have.length(1);
  });

  it('queues the abusive filer for review and publishes the finished case', async () => {
    const reviews = await zj.get('/abuse-reviews');
    expect(reviews.body.items).to.have.length(1);
    expect(reviews.body.items[0].evidence.merchantCount).to.be.at.least(5);
    const pub = await new ApiClient(srv.url).get('/public/problem-products');
    expect(pub.status).to.equal(200);
    expect(pub.body.items).to.have.length(1);
    expect(pub.body.items[0].product.model).to.equal(PLANTED.sampled.model);
    expect(pub.body.items[0].producer).to.equal(PLANTED.sampled.producer);
  });

  it('raises no flag and no hotspot on a dataset without planted signals', async () => {
    const world = await freshWorld();
    const stores = specStores(world.stores);
    const consumers = [...world.users.values()].filter((u) => u.role === 'consumer').map((u) => u._id);
    await insertSynthetic(backgroundSpecs({ now: now(), stores, consumers, background: 3000, seed: 99 }), now());
    await detectAll(now());
    expect(await ProductFlagModel.countDocuments()).to.equal(0);
    // The reset ended every session: sign in again.
    zj = await signedIn(srv.url, DEMO.regulatorZj);
    const r = await zj.get('/analytics/hotspots?level=county');
    expect(r.body.cells.filter((c: { hotspot: boolean }) => c.hotspot)).to.deep.equal([]);
  });
});
