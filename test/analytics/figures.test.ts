import { expect } from 'chai';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { merchantStores, toyComplaint } from '../helpers/products.js';
import { insertSynthetic, type SyntheticSpec } from '../../server/products/synthetic.js';
import { merchantCredit, creditScore, refreshAllCredit } from '../../server/products/credit.js';
import { now } from '../../server/clock.js';

// Monday 2 March 2026, 10:00 Shanghai: no public holiday within the next four weeks, so ten
// working days end on 16 March and a response after 16 days is late.
const T0 = new Date('2026-03-02T02:00:00Z');

describe('figures equal hand-computed values on a fixture', () => {
  let srv: TestServer;
  let hz: ApiClient;
  let yw: ApiClient;
  let merchantId: string;
  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    const [store, other] = await merchantStores(['330106', '330782'], 'fig');
    merchantId = String(store!.merchantId);
    const base = toyComplaint(world, store!);
    const specs: SyntheticSpec[] = [
      { ...base, at: T0, path: 'resolved', satisfaction: 5 }, // closed in 4 days, source resolution, timely
      { ...base, at: T0, path: 'resolved_late', satisfaction: 3 }, // 18 days, source resolution, late
      { ...base, at: T0, path: 'mediated', satisfaction: 4 }, // 20 days, bureau, timely
      { ...base, at: T0, path: 'declined' }, // 18 days, bureau, no response: late
      { ...base, at: T0, path: 'open' }, // still with the merchant
      { ...base, at: T0, path: 'withdrawn' }, // 3 days, no response needed
      { ...base, store: other!, at: T0, path: 'resolved' }, // Yiwu: outside Hangzhou
    ];
    await insertSynthetic(specs, now());
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
  });
  after(() => srv.stop());

  it('summary: totals, statuses, source resolution, timely response, median days, satisfaction', async () => {
    const r = await hz.get('/analytics/summary');
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.deep.equal({
      total: 6,
      byStatus: { resolved: 2, mediated: 1, declined: 1, awaiting_merchant: 1, withdrawn: 1 },
      closed: 5,
      sourceResolutionRate: 0.4, // resolved without the bureau (2) / closed (5)
      timelyResponseRate: 0.5, // in time (resolved, mediated) / decided (+ late, declined)
      medianDaysToClose: 18, // 3, 4, 18, 18, 20
      satisfaction: 4, // (5 + 3 + 4) / 3
    });
    expect((await yw.get('/analytics/summary')).body.total).to.equal(1);
    expect((await hz.get('/analytics/summary?from=2026-03-03')).body.total).to.equal(0);
  });

  it('hotspots, time series, top lists and map count the same six complaints', async () => {
    const hot = await hz.get('/analytics/hotspots?from=2026-03-02&to=2026-03-08');
    expect(hot.body.weeks).to.deep.equal(['2026-W10']);
    expect(hot.body.cells).to.deep.equal([
      { regionCode: '330106', category: 'toy', week: '2026-W10', observed: 6, expected: 0, score: hot.body.cells[0].score, hotspot: true },
    ]);
    expect((await hz.get('/analytics/hotspots?from=2026-03-02&to=2026-03-08&limit=1')).body).to.deep.equal(hot.body);
    expect((await hz.get('/analytics/hotspots?from=2026-03-02&to=2026-03-08&limit=0')).status).to.equal(400);
    const city = await hz.get('/analytics/hotspots?level=city&from=2026-03-02&to=2026-03-08');
    expect(city.body.cells[0]).to.include({ regionCode: '3301', observed: 6 });
    const days = await hz.get('/analytics/timeseries?interval=day&from=2026-03-01&to=2026-03-03');
    expect(days.body.points).to.deep.equal([
      { period: '2026-03-01', count: 0 },
      { period: '2026-03-02', count: 6 },
      { period: '2026-03-03', count: 0 },
    ]);
    const weeks = await hz.get('/analytics/timeseries?interval=week&from=2026-03-02&to=2026-03-15');
    expect(weeks.body.points).to.deep.equal([
      { period: '2026-W10', count: 6 },
      { period: '2026-W11', count: 0 },
    ]);
    const top = await hz.get('/analytics/top/merchants');
    expect(top.body.items).to.have.length(1);
    expect(top.body.items[0]).to.include({ id: merchantId, count: 6 });
    const stores = await hz.get('/analytics/top/stores');
    expect(stores.body.items[0].count).to.equal(6);
    const map = await hz.get('/analytics/map?level=county');
    expect(map.body.regions.find((x: { regionCode: string }) => x.regionCode === '330106').count).to.equal(6);
    expect(map.body.regions.every((x: { regionCode: string }) => x.regionCode.startsWith('3301'))).to.equal(true);
    expect((await hz.get('/analytics/top/nonsense')).status).to.equal(400);
  });

  it('exports figures as CSV with a BOM', async () => {
    const r = await hz.get('/analytics/export.csv?kind=map&level=county');
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.match(/text\/csv/);
    // fetch's text() drops a BOM: read the bytes.
    const raw = Buffer.from(
      await (
        await fetch(`${srv.url}/api/analytics/export.csv?kind=map&level=county`, { headers: { cookie: hz.cookieHeader() } })
      ).arrayBuffer(),
    );
    expect([...raw.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(r.text).to.match(/^regionCode,name,nameEn,count\r\n/);
    expect(r.text).to.match(/330106,[^,]+,[^,]+,6/);
    const hot = await hz.get('/analytics/export.csv?kind=hotspots&level=county&from=2026-03-02&to=2026-03-08&lang=en');
    expect(hot.text).to.match(/^regionCode,regionName,/);
    expect(hot.text).to.contain('330106,Xihu District,');
    const s = await hz.get('/analytics/export.csv?kind=summary');
    expect(s.text).to.match(/sourceResolutionRate,0\.4/);
  });

  it('keeps other regions out: 403 for a region outside, nothing of Hangzhou for Yiwu', async () => {
    expect((await yw.get('/analytics/summary?region=3301')).status).to.equal(403);
    expect((await yw.get('/analytics/hotspots?region=330106')).status).to.equal(403);
    expect((await yw.get('/analytics/export.csv?kind=summary&region=33')).status).to.equal(403);
    const cells = (await yw.get('/analytics/hotspots?from=2026-03-02&to=2026-03-08')).body.cells;
    expect(cells.map((c: { regionCode: string }) => c.regionCode)).to.deep.equal(['330782']);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    expect((await consumer.get('/analytics/summary')).status).to.equal(403);
    expect((await new ApiClient(srv.url).get('/analytics/summary')).status).to.equal(401);
    expect((await hz.get('/analytics/summary?from=2026-02-30x')).status).to.equal(400);
  });

  it('credit tier: the fixture merchant scores what the formula says, on its public profile', async () => {
    // One store, six complaints in 180 days: 1/month/store → −5; timely 2 of 4 → −12.5;
    // resolved or mediated and rated satisfied (≥ 3) 3 of 5 closed → −8; no breaches, no cases.
    const expected = creditScore({ complaints: 6, stores: 1, timely: 2, timelyKnown: 4, resolved: 3, closed: 5, breaches: 0, cases: 0 });
    expect(expected).to.deep.equal({ score: 74.5, tier: 'B' });
    const credit = await merchantCredit(merchantId, new Date(T0.getTime() + 30 * 86400_000));
    expect(credit.creditTier).to.equal('B');
    expect(credit.figures.creditScore).to.equal(74.5);
    // The hourly job stores every merchant's tier; the public profile reads it.
    await refreshAllCredit(new Date(T0.getTime() + 30 * 86400_000));
    const profile = await new ApiClient(srv.url).get(`/merchants/${merchantId}`);
    expect(profile.status).to.equal(200);
    expect(profile.body.creditTier).to.equal('B');
    expect(profile.body.figures).to.include({ creditScore: 74.5, complaints180d: 6, returnBreaches: 0 });
  });
});
