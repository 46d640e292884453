import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { DAY, consumerOf, merchantStores, plant, randomSpecs, toyBurst } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { addDeltas, readCounts, sealCounts } from '../../server/counts/ledger.js';
import { mapCounts, timeseries, top } from '../../server/analytics/figures.js';
import { summary } from '../../server/analytics/summary.js';
import { figureScope, topScope } from '../../server/analytics/rollup.js';
import { resolveProduct } from '../../server/commands/resolveProduct.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { rng } from '../../server/seed/productsPlan.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { weekOfDay } from '../../shared/weeks.js';
import { now } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';

// top(), summary(), mapCounts() and timeseries() read every week scope whole, as before; the routes answer from the week
// scopes kept in the process.
describe('top lists, summaries, maps and time series from the kept week scopes equal the scopes read whole', function () {
  this.timeout(1_500_000);
  let srv: TestServer;
  let world: DemoWorld;
  let officers: Record<string, ApiClient>;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    const emails = { admin: DEMO.admin, '33': DEMO.regulatorZj, '3301': DEMO.regulatorHz, '330782': DEMO.regulatorYw };
    officers = Object.fromEntries(
      await Promise.all(Object.entries(emails).map(async ([who, email]) => [who, await signedIn(srv.url, email)])),
    );
  });
  after(() => srv.stop());

  const day = (daysAgo: number) => shanghaiDay(new Date(now().getTime() - daysAgo * DAY));
  // Who asks, the region, the category; periods from a day inside a week (edge weeks read per day).
  const asked: [string, string, string?][] = [
    ['33', '33'],
    ['admin', '33', 'household_appliance'],
    ['3301', '3301'],
    ['330782', '330782'],
    ['330782', '330782', 'toy'],
  ];
  const periods = () => [{ from: day(90), to: day(0) }];

  async function same(step: string) {
    for (const [who, region, category] of asked) {
      for (const p of periods()) {
        const range = { ...p, ...(category ? { category } : {}) };
        const query = `region=${region}&from=${p.from}&to=${p.to}${category ? `&category=${category}` : ''}`;
        const label = `${step}: ${who} ${query}`;
        const whole = JSON.parse(JSON.stringify(await summary(region, range)));
        const res = await officers[who]!.get(`/analytics/summary?${query}`);
        expect(res.status, res.text).to.equal(200);
        expect(res.body, `${label} summary`).to.deep.equal(whole);
        for (const level of ['county', 'city'] as const) {
          const map = JSON.parse(JSON.stringify(await mapCounts(region, level, range)));
          const m = await officers[who]!.get(`/analytics/map?${query}&level=${level}`);
          expect(m.status, m.text).to.equal(200);
          expect(m.body, `${label} map by ${level}`).to.deep.equal(map);
        }
        for (const interval of ['week', 'day'] as const) {
          const series = JSON.parse(JSON.stringify(await timeseries(region, interval, range)));
          const t = await officers[who]!.get(`/analytics/timeseries?${query}&interval=${interval}`);
          expect(t.status, t.text).to.equal(200);
          expect(t.body, `${label} time series by ${interval}`).to.deep.equal(series);
        }
        for (const kind of ['merchants', 'products', 'stores'] as const) {
          const items = JSON.parse(JSON.stringify((await top(kind, region, range, 8)).items));
          if (kind !== 'products' && !category) expect(items.length, `${label} ${kind}`).to.be.greaterThan(0);
          const r = await officers[who]!.get(`/analytics/top/${kind}?${query}&limit=8`);
          expect(r.status, r.text).to.equal(200);
          expect(r.body.items, `${label} ${kind}`).to.deep.equal(items);
        }
      }
    }
  }

  it('after filings, seals, changes of past weeks, a merge and a rebuild', async () => {
    const r = rng(909);
    const at = (daysAgo: number) => new Date(now().getTime() - daysAgo * DAY);
    // Bursts of equal size at two stores the same days: merchants, stores and products of equal count.
    const burst = (daysAgo: number, county: string, n: number) => toyBurst(world, daysAgo, county, n);
    await insertSynthetic(
      [
        ...randomSpecs(world, r, { count: 300, days: 100, paths: ['open', 'resolved', 'resolved_late', 'mediated', 'withdrawn'] }),
        ...burst(20, '330782', 6),
        ...burst(20, '330106', 6),
      ],
      now(),
    );
    await sealCounts(now());
    await same('sealed');
    await same('asked again');

    // New complaints this week: deltas after the kept ones.
    await insertSynthetic([...burst(0, '330782', 4), ...randomSpecs(world, r, { count: 20, days: 3, paths: ['open'] })], now());
    await same('filed');
    await sealCounts(now());
    await same('sealed again');

    // Complaints of past weeks, unsealed, then sealed.
    await insertSynthetic([...burst(30, '330782', 5), ...randomSpecs(world, r, { count: 30, days: 80, paths: ['resolved'] })], now());
    await same('past weeks');
    await sealCounts(now());

    // Two spellings of one product, then merged: the merged one's counts move to the survivor.
    const kettle = { name: '电水壶', category: 'household_appliance', model: 'K-1' };
    const planted = await merchantStores(['330782', '330106'], 'tk');
    for (const brand of ['美家', '美佳'])
      await plant({ stores: planted, count: 4, product: { ...kettle, brand }, endAt: at(5), spanDays: 10, consumerId: consumerOf(world) });
    await same('two spellings');
    // Of equal count: the tie is ordered by id, the same both ways.
    const spellings = (await top('products', '33', { from: day(90), to: day(0), category: 'household_appliance' }, 50)).items;
    expect(spellings.filter((p) => p.name === kettle.name).map((p) => p.count)).to.deep.equal([4, 4]);
    const from = await resolveProduct({ ...kettle, brand: '美家' });
    const into = await resolveProduct({ ...kettle, brand: '美佳' });
    const merged = await officers['3301']!.post('/products/merge', { fromId: String(from!._id), intoId: String(into!._id) });
    expect(merged.status, merged.text).to.equal(200);
    await same('merged');

    // Week scopes that went wrong, and the rebuild that puts them right.
    const week = weekOfDay(day(30));
    const wrong = async (scope: string) => {
      const key = Object.keys(await readCounts(scope))[0]!;
      await addDeltas([{ _id: `${scope}|test-wrong`, scope, d: { [key]: 9 } }]);
    };
    await wrong(figureScope('3307', week));
    await wrong(topScope('merchants', '33', week));
    await same('wrong');
    expect((await rebuildProjections()).countsDiffering).to.be.greaterThan(0);
    await same('rebuilt');
  });
});
