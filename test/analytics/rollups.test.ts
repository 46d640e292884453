import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { act, filing } from '../helpers/complaints.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { DAY, randomSpecs } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { backfillFacts } from '../../server/products/backfill.js';
import { sealCounts } from '../../server/counts/ledger.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { recordComplaint } from '../../server/products/facts.js';
import { publish } from '../../server/events/bus.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { rng } from '../../server/seed/productsPlan.js';
import { CATEGORIES } from '../../shared/enums.js';
import { now } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';

/** The full recount: every complaint document, grouped in code. */
async function recount() {
  const all = await ComplaintModel.find({}, { countyCode: 1, product: 1, week: 1, status: 1 }).lean();
  const cells = new Map<string, number>();
  const statuses: Record<string, number> = {};
  for (const c of all) {
    const k = `${c.countyCode}|${c.product!.category}|${c.week}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  }
  return { total: all.length, cells, statuses };
}

describe('rollups equal a full recount after random inserts', function () {
  this.timeout(300_000);
  let srv: TestServer;
  let world: DemoWorld;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
  });
  after(() => srv.stop());

  it('after filings, transitions, bulk inserts, replayed events and a backfill', async () => {
    const r = rng(4242);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    const merchant = await signedIn(srv.url, DEMO.merchant);
    const chainCounties = world.stores.filter((s) => String(s.merchantId) === String(world.chain._id)).map((s) => s.countyCode);
    const filed: string[] = [];
    for (let i = 0; i < 12; i++) {
      const category = r.pick(CATEGORIES);
      const res = await consumer.post('/complaints', filing(world, r.pick(chainCounties), { product: { name: '商品', category } }));
      expect(res.status, res.text).to.equal(201);
      filed.push(res.body.id);
    }
    for (const id of filed.slice(0, 6)) {
      const res = await act(merchant, id, 'respond', {
        responseType: 'accepted',
        remedy: { type: 'refund', amountFen: 100 },
        messageToConsumer: '同意',
      });
      expect(res.status, res.text).to.equal(200);
    }
    for (const id of filed.slice(0, 3)) expect((await act(consumer, id, 'accept_response')).status).to.equal(200);

    const specs = randomSpecs(world, r, { count: 200, days: 120, paths: ['open', 'resolved', 'mediated', 'declined', 'withdrawn'] });
    const bulk = await insertSynthetic(specs.slice(0, 150), now());
    // The ledger folds what it has into snapshots; complaints added afterwards still count.
    expect((await sealCounts(now())).sealed).to.be.greaterThan(5);
    const late = await insertSynthetic(specs.slice(150), now());

    // Replayed and concurrent events add nothing.
    await Promise.all(
      filed.slice(0, 4).flatMap((id) => [publish('complaint.filed', { complaintId: id }), recordComplaint(id), recordComplaint(id)]),
    );
    await effectsSettled();
    // Complaints whose filing handler never ran (no fact) come back from the backfill.
    await ComplaintFactModel.deleteMany({ _id: { $in: late.slice(0, 15) } });
    expect(bulk).to.have.length(150);
    expect(await backfillFacts()).to.equal(15);
    expect(await backfillFacts()).to.equal(0);

    const truth = await recount();
    expect(await ComplaintFactModel.countDocuments()).to.equal(truth.total);
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const from = new Date(now().getTime() - 130 * DAY).toISOString().slice(0, 10);
    // The province reads its grid, a city and a county officer their city's (rollup.ts cellScope).
    const officers: [string, ApiClient][] = [
      ['33', zj],
      ['3301', await signedIn(srv.url, DEMO.regulatorHz)],
      ['330782', await signedIn(srv.url, DEMO.regulatorYw)],
    ];
    for (const [region, officer] of officers) {
      const hot = await officer.get(`/analytics/hotspots?level=county&from=${from}`);
      const cells = new Map<string, number>(
        hot.body.cells.map((c: { regionCode: string; category: string; week: string; observed: number }) => [
          `${c.regionCode}|${c.category}|${c.week}`,
          c.observed,
        ]),
      );
      const own = new Map([...truth.cells].filter(([k]) => k.startsWith(region)));
      expect(own.size, region).to.be.greaterThan(0);
      expect(cells, region).to.deep.equal(own);
      // The dashboard asks for the rows it shows (`limit`): the full answer's first ones, the rest alike.
      const first = await officer.get(`/analytics/hotspots?level=county&from=${from}&limit=5`);
      expect(first.body, region).to.deep.equal({ ...hot.body, cells: hot.body.cells.slice(0, 5) });
    }
    const summary = await zj.get('/analytics/summary');
    expect(summary.body.total).to.equal(truth.total);
    expect(summary.body.byStatus).to.deep.equal(truth.statuses);
    const map = await zj.get('/analytics/map?level=county');
    for (const region of map.body.regions) {
      const expected = [...truth.cells].filter(([k]) => k.startsWith(region.regionCode + '|')).reduce((s, [, n]) => s + n, 0);
      expect(region.count, region.regionCode).to.equal(expected);
    }
    const weeks = await zj.get(`/analytics/timeseries?interval=week&from=${from}`);
    expect(weeks.body.points.reduce((s: number, p: { count: number }) => s + p.count, 0)).to.equal(truth.total);
  });
});
