import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { randomSpecs } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { migrateFigureScopes } from '../../server/analytics/migrateScopes.js';
import { sealCounts } from '../../server/counts/ledger.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { rng } from '../../server/seed/productsPlan.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { CATEGORIES } from '../../shared/enums.js';
import { addDays } from '../../shared/weeks.js';
import { now } from '../../server/clock.js';

/** Summary, map and both series of a period, as the dashboard asks them. */
async function figures(client: ApiClient, q: string) {
  const [summary, map, days, weeks] = await Promise.all([
    client.get(`/analytics/summary?${q}`),
    client.get(`/analytics/map?level=county&${q}`),
    client.get(`/analytics/timeseries?interval=day&${q}`),
    client.get(`/analytics/timeseries?interval=week&${q}`),
  ]);
  return { summary: summary.body, map: map.body, days: days.body, weeks: weeks.body };
}

/** The figures of every category added up, as the per-category scopes answer them. */
function added(all: Awaited<ReturnType<typeof figures>>[]) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    total: sum(all.map((f) => f.summary.total)),
    closed: sum(all.map((f) => f.summary.closed)),
    map: all[0]!.map.regions.map((r: { regionCode: string }, i: number) => [r.regionCode, sum(all.map((f) => f.map.regions[i].count))]),
    days: all[0]!.days.points.map((p: { period: string }, i: number) => [p.period, sum(all.map((f) => f.days.points[i].count))]),
    weeks: all[0]!.weeks.points.map((p: { period: string }, i: number) => [p.period, sum(all.map((f) => f.weeks.points[i].count))]),
  };
}

const pairs = (f: Awaited<ReturnType<typeof figures>>) => ({
  total: f.summary.total,
  closed: f.summary.closed,
  map: f.map.regions.map((r: { regionCode: string; count: number }) => [r.regionCode, r.count]),
  days: f.days.points.map((p: { period: string; count: number }) => [p.period, p.count]),
  weeks: f.weeks.points.map((p: { period: string; count: number }) => [p.period, p.count]),
});

describe("a region's totals over every category (rollup.ts totalScope)", function () {
  this.timeout(900_000);
  let srv: TestServer;
  let clients: [string, ApiClient][];
  const periods: string[] = [];
  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    const specs = randomSpecs(world, rng(909), {
      count: 120,
      days: 60,
      paths: ['open', 'resolved', 'resolved_late', 'mediated', 'declined'],
    });
    await insertSynthetic(specs, now());
    const today = shanghaiDay(now());
    for (const [a, b] of [
      [-62, 0],
      [-33, -5],
    ])
      periods.push(`from=${addDays(today, a!)}&to=${addDays(today, b!)}`);
    clients = [
      ['33', await signedIn(srv.url, DEMO.regulatorZj)],
      ['3301', await signedIn(srv.url, DEMO.regulatorHz)],
    ];
  });
  after(() => srv.stop());

  it('equal the per-category figures added up, for the province and a city', async () => {
    for (const [region, client] of clients)
      for (const q of periods) {
        const all = await figures(client, q);
        const each = await Promise.all(CATEGORIES.map((c) => figures(client, `${q}&category=${c}`)));
        expect(all.summary.total, `${region} ${q}`).to.be.greaterThan(0);
        expect(pairs(all), `${region} ${q}`).to.deep.equal(added(each));
      }
  });

  it('a database without them gets them summed from the week and day scopes once, on start', async () => {
    await sealCounts(now());
    const before = await Promise.all(clients.flatMap(([, client]) => periods.map((q) => figures(client, q))));
    for (const model of [CountDeltaModel, CountSnapshotModel] as const)
      await (model as typeof CountDeltaModel).deleteMany({ scope: { $regex: '^f[wd]:\\d+:all:' } });
    await JobRunModel.deleteMany({ key: /^backfill:figure-totals/ });
    expect((await clients[0]![1].get(`/analytics/summary?${periods[0]}`)).body.total).to.equal(0);
    await migrateFigureScopes();
    const after = await Promise.all(clients.flatMap(([, client]) => periods.map((q) => figures(client, q))));
    expect(after).to.deep.equal(before);
    // Once: a second start, or one that finds the claim gone but the totals there, adds nothing.
    await migrateFigureScopes();
    await JobRunModel.deleteMany({ key: /^backfill:figure-totals/ });
    await migrateFigureScopes();
    expect(await Promise.all(clients.flatMap(([, client]) => periods.map((q) => figures(client, q))))).to.deep.equal(before);
  });
});
