import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { randomSpecs } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { migrateFigureScopes } from '../../server/analytics/migrateScopes.js';
import { addDeltas, sealCounts } from '../../server/counts/ledger.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { rng } from '../../server/seed/productsPlan.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { addDays } from '../../shared/weeks.js';
import { now } from '../../server/clock.js';

type Row = { countyCode: string; day: string; status: string; merchantId: unknown; product: { category: string } };

/** The figures of a period, recounted from every complaint document. */
function recount(all: Row[], region: string, from: string, to: string) {
  const rows = all.filter((c) => c.countyCode.startsWith(region) && c.day >= from && c.day <= to);
  const tally = (key: (c: Row) => string) => {
    const m: Record<string, number> = {};
    for (const c of rows) m[key(c)] = (m[key(c)] ?? 0) + 1;
    return m;
  };
  return {
    total: rows.length,
    byStatus: tally((c) => c.status),
    counties: tally((c) => c.countyCode),
    merchants: tally((c) => String(c.merchantId)),
    days: tally((c) => c.day),
  };
}

async function figures(client: ApiClient, from: string, to: string) {
  const q = `from=${from}&to=${to}`;
  const [summary, map, top, days] = await Promise.all([
    client.get(`/analytics/summary?${q}`),
    client.get(`/analytics/map?level=county&${q}`),
    client.get(`/analytics/top/merchants?limit=100&${q}`),
    client.get(`/analytics/timeseries?interval=day&${q}`),
  ]);
  const nonZero = (pairs: [string, number][]) => Object.fromEntries(pairs.filter(([, n]) => n > 0));
  return {
    total: summary.body.total as number,
    byStatus: summary.body.byStatus as Record<string, number>,
    counties: nonZero(map.body.regions.map((r: { regionCode: string; count: number }) => [r.regionCode, r.count])),
    merchants: nonZero(top.body.items.map((r: { id: string; count: number }) => [r.id, r.count])),
    days: nonZero(days.body.points.map((p: { period: string; count: number }) => [p.period, p.count])),
    summary: summary.body,
  };
}

describe('per-region figure scopes: whole weeks, edge weeks and the migration from the old scopes', function () {
  this.timeout(300_000);
  let srv: TestServer;
  let clients: Record<string, ApiClient>;
  const periods: [string, string][] = [];
  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    const r = rng(808);
    const specs = randomSpecs(world, r, {
      count: 160,
      days: 70,
      paths: ['open', 'resolved', 'resolved_late', 'mediated', 'declined', 'withdrawn'],
    });
    await insertSynthetic(specs, now());
    const today = shanghaiDay(now());
    // Periods starting and ending inside weeks, on week bounds, one inside a single week.
    for (const [a, b] of [
      [-75, 0],
      [-40, -3],
      [-30, -24],
      [-16, -16],
    ])
      periods.push([addDays(today, a!), addDays(today, b!)]);
    clients = {
      '33': await signedIn(srv.url, DEMO.regulatorZj),
      '3301': await signedIn(srv.url, DEMO.regulatorHz),
      '330782': await signedIn(srv.url, DEMO.regulatorYw),
    };
  });
  after(() => srv.stop());

  it('summary, map, top merchants and the daily series equal a recount for province, city and county', async () => {
    const all = (await ComplaintModel.find({}, { countyCode: 1, day: 1, status: 1, merchantId: 1, product: 1 }).lean()) as unknown as Row[];
    for (const [region, client] of Object.entries(clients))
      for (const [from, to] of periods) {
        const { summary: _, ...got } = await figures(client, from, to);
        expect(got, `${region} ${from}..${to}`).to.deep.equal(recount(all, region, from, to));
      }
  });

  it('a database with the old scopes is recounted into the new ones once, on start', async () => {
    await sealCounts(now());
    const before = await Promise.all(periods.map(([from, to]) => figures(clients['3301']!, from, to)));
    // As older code left it: no per-region scopes, a province-wide week scope.
    for (const model of [CountDeltaModel, CountSnapshotModel] as const)
      await (model as typeof CountDeltaModel).deleteMany({ scope: { $regex: '^(fw|fd|tw|td|ms):' } });
    await JobRunModel.deleteMany({ key: /^backfill:regional-figure-scopes/ });
    const week = Object.keys((await CountSnapshotModel.findOne({ scope: 'fig:weeks' }).sort({ gen: -1 }).lean())!.n as object)[0]!;
    await addDeltas([{ _id: `fig:${week}|old`, scope: `fig:${week}`, d: { '330106|toy|2026-03-02|n': 1 } }]);
    expect((await figures(clients['3301']!, ...periods[0]!)).total).to.equal(0);
    await migrateFigureScopes();
    expect(await CountDeltaModel.exists({ scope: `fig:${week}` })).to.equal(null);
    const after = await Promise.all(periods.map(([from, to]) => figures(clients['3301']!, from, to)));
    expect(after).to.deep.equal(before);
    // Once: a second start adds nothing.
    await migrateFigureScopes();
    expect(await Promise.all(periods.map(([from, to]) => figures(clients['3301']!, from, to)))).to.deep.equal(before);
  });

  it("a database with the province's hotspot grid only gets its cities' grids once, on start", async () => {
    const [from, to] = periods[0]!;
    type Cell = { regionCode: string; category: string; week: string };
    const key = (c: Cell) => `${c.regionCode}|${c.category}|${c.week}`;
    // Cells of equal rank come in the order the grid lists them, which a copy need not keep.
    const hotspots = () =>
      Promise.all(
        Object.values(clients).flatMap((client) =>
          ['city', 'county'].map(async (level) => {
            const { weeks, cells } = (await client.get(`/analytics/hotspots?level=${level}&from=${from}&to=${to}`)).body as {
              weeks: string[];
              cells: Cell[];
            };
            return { weeks, cells: cells.sort((a, b) => key(a).localeCompare(key(b))) };
          }),
        ),
      );
    const before = await hotspots();
    expect(before.every((r) => r.cells.length > 0)).to.equal(true);
    // As older code left it: one grid per quarter for the whole province.
    for (const model of [CountDeltaModel, CountSnapshotModel] as const)
      await (model as typeof CountDeltaModel).deleteMany({ scope: { $regex: '^cells:\\d{4}:' } });
    await JobRunModel.deleteMany({ key: /^backfill:hotspot-city-grids/ });
    expect((await clients['3301']!.get(`/analytics/hotspots?from=${from}&to=${to}`)).body.cells).to.deep.equal([]);
    await migrateFigureScopes();
    expect(await hotspots()).to.deep.equal(before);
    // Once: a second start, or one that finds the claim gone but the grids there, adds nothing.
    await migrateFigureScopes();
    await JobRunModel.deleteMany({ key: /^backfill:hotspot-city-grids/ });
    await migrateFigureScopes();
    expect(await hotspots()).to.deep.equal(before);
  });
});
