import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { DAY, randomSpecs, toyBurst } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { addDeltas, readCounts, sealCounts } from '../../server/counts/ledger.js';
import { hotspots, type HotspotInput } from '../../server/analytics/hotspots.js';
import { cellScope, quarterOf } from '../../server/analytics/rollup.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { rng } from '../../server/seed/productsPlan.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';

// hotspots() reads every grid whole for every call, as before; a call with a `limit` answers from the kept grids and ranks.
describe('hotspots answered from the kept grids equal the grids read whole', function () {
  this.timeout(600_000);
  let srv: TestServer;
  let world: DemoWorld;
  const officers: Record<string, ApiClient> = {};
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    for (const [region, email] of [
      ['33', DEMO.regulatorZj],
      ['3301', DEMO.regulatorHz],
      ['330782', DEMO.regulatorYw],
    ] as const)
      officers[region] = await signedIn(srv.url, email);
  });
  after(() => srv.stop());

  const from = () => shanghaiDay(new Date(now().getTime() - 90 * DAY));
  const asked: [string, Omit<HotspotInput, 'region'> & { onlyHotspots?: boolean }][] = [
    ['33', { level: 'county', baselineWeeks: 8 }],
    ['33', { level: 'city', baselineWeeks: 8 }],
    ['33', { level: 'county', baselineWeeks: 8, category: 'toy' }],
    ['33', { level: 'county', baselineWeeks: 3, onlyHotspots: true }],
    ['3301', { level: 'county', baselineWeeks: 8 }],
    ['3301', { level: 'city', baselineWeeks: 13, category: 'toy' }],
    ['330782', { level: 'county', baselineWeeks: 8 }],
  ];

  /** Each question through the route with a limit (kept grids), against hotspots() (every grid read whole, as before). */
  async function same(step: string) {
    for (const [region, q] of asked) {
      const query = `level=${q.level}&baselineWeeks=${q.baselineWeeks}&from=${from()}${q.category ? `&category=${q.category}` : ''}${q.onlyHotspots ? '&onlyHotspots=true' : ''}`;
      const whole = await hotspots({ ...q, region, from: from() });
      const cells = q.onlyHotspots ? whole.cells.filter((c) => c.hotspot) : whole.cells;
      const label = `${step}: ${region} ${query}`;
      expect(cells.length, label).to.be.greaterThan(0);
      for (const limit of [5, 1000]) {
        const res = await officers[region]!.get(`/analytics/hotspots?${query}&limit=${limit}`);
        expect(res.status, res.text).to.equal(200);
        expect(res.body, `${label} limit ${limit}`).to.deep.equal({ weeks: whole.weeks, cells: cells.slice(0, limit) });
      }
    }
  }

  it('after filings, seals, changes of past weeks and a rebuild', async () => {
    const r = rng(808);
    const at = (daysAgo: number) => new Date(now().getTime() - daysAgo * DAY);
    // Background over four months, and bursts of equal size in two counties the same week: cells of equal rank.
    const burst = (daysAgo: number, county: string, n: number) => toyBurst(world, daysAgo, county, n);
    await insertSynthetic(
      [...randomSpecs(world, r, { count: 300, days: 120, paths: ['open', 'resolved'] }), ...burst(20, '3301', 6), ...burst(20, '3307', 6)],
      now(),
    );
    await sealCounts(now());
    await same('sealed');
    await same('asked again');

    // New complaints this week: deltas after the kept ones.
    await insertSynthetic([...burst(0, '3301', 7), ...randomSpecs(world, r, { count: 20, days: 3, paths: ['open'] })], now());
    await same('filed');
    // Folded into a new generation: the grid is read again.
    await sealCounts(now());
    await same('sealed again');
    // Complaints of past weeks (as a merge or a change of category moves them), unsealed, then sealed.
    await insertSynthetic([...burst(40, '3307', 5), ...randomSpecs(world, r, { count: 30, days: 100, paths: ['resolved'] })], now());
    await same('past weeks');
    await sealCounts(now());
    await same('past weeks sealed');
    // A grid that went wrong, and the rebuild that puts it right.
    const grid = cellScope('33', quarterOf(shanghaiDay(at(30))));
    const key = Object.keys(await readCounts(grid))[0]!;
    await addDeltas([{ _id: `${grid}|test-wrong`, scope: grid, d: { [key]: 9 } }]);
    await same('wrong');
    expect((await rebuildProjections()).countsDiffering).to.be.greaterThan(0);
    await same('rebuilt');
  });
});
