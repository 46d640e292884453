// The return desk's list and its result count come from the merchant's counts in the ledger
// (server/returns/counts.ts) and are read by month and day (server/returns/list.ts). Here every
// filter the list offers, as headquarters and as store staff, is checked against what the test itself
// recorded: the totals through creation, outcomes and breaches, the pages across buckets, the counts
// after sealing and by the rebuild, and the counts a database written before them gets at start; and
// the review's rollup (server/returns/reviewRollup.ts) against the figures of the requests themselves.
import { expect } from 'chai';
import { shanghaiDay } from '../../shared/calendar.js';
import type { ReturnFigures } from '../../shared/schemas/returns.js';
import { testClock } from '../../server/clock.js';
import { complianceReport } from '../../server/returns/compliance.js';
import { breakdown, loadRows, summarise } from '../../server/returns/figures.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { listTuning } from '../../server/complaints/listBuckets.js';
import { sealCounts } from '../../server/counts/ledger.js';
import { backfillFields } from '../../server/db/backfill.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { returnListScope } from '../../server/returns/counts.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { seedReturns } from '../../server/seed/returns.js';
import { invitedClient } from '../helpers/accounts.js';
import type { ApiClient } from '../helpers/http.js';
import { chainStores, product, returnsWorld, shanghaiNoon } from '../helpers/returns.js';
import type { TestServer } from '../helpers/server.js';

interface Recorded {
  id: string;
  day: string;
  purchase: string;
  ret: string;
  status: 'pending' | 'honored' | 'refused';
  breach: boolean;
}

/** Every page of a list, following the cursors, with each page's total. */
async function allPages(client: ApiClient, query: string, limit: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const r: { status: number; text: string; body: { items: { id: string }[]; nextCursor: string | null; total: number } } =
      await client.get(`/return-requests?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, r.text).to.equal(200);
    ids.push(...r.body.items.map((x) => x.id));
    sizes.push(r.body.items.length);
    totals.add(r.body.total);
    cursor = r.body.nextCursor;
  } while (cursor);
  return { ids, totals: [...totals], sizes };
}

const pick = (f: ReturnFigures) => ({
  requests: f.requests,
  covered: f.covered,
  honored: f.honored,
  refused: f.refused,
  pending: f.pending,
  honorRate: f.honorRate,
  crossStoreShare: f.crossStoreShare,
  crossCityShare: f.crossCityShare,
  medianRefundHours: f.medianRefundHours,
  breaches: f.breaches,
});

/** Newest first, as the desk lists them: by day, then by id. */
const newestFirst = (rows: Recorded[]) => [...rows].sort((a, b) => b.day.localeCompare(a.day) || (b.id > a.id ? 1 : -1)).map((r) => r.id);

describe('return desk counts: the ledger through creation, outcomes, breaches and filters', function () {
  this.timeout(120_000);
  let srv: TestServer;
  let hq: ApiClient;
  let staff: ApiClient;
  let s: ReturnType<typeof chainStores>;
  let world: DemoWorld;
  const recorded: Recorded[] = [];
  const wholeUpTo = listTuning.wholeUpTo;

  before(async () => {
    ({ srv, s, world, chain: hq } = await returnsWorld('2026-02-26'));
    ({ client: staff } = await invitedClient(hq, { email: 'xihu.desk@example.com', name: '西湖店 收银', storeId: s.hzXihu }));
    expect(
      (await hq.post('/return-commitments', { scope: 'chain_province', windowDays: 7, conditions: '完好', refundWithinHours: 48 })).status,
    ).to.equal(201);
    // Short lists are read whole; these are read by month and by day.
    listTuning.wholeUpTo = 2;
  });
  after(async () => {
    listTuning.wholeUpTo = wholeUpTo;
    testClock.reset();
    await srv.stop();
  });

  async function record(client: ApiClient, day: string, purchase: string, ret: string) {
    testClock.set(shanghaiNoon(day));
    const res = await client.post('/return-requests', {
      purchaseStoreId: purchase,
      returnStoreId: ret,
      purchaseDate: day,
      amountFen: 5000,
      product: product(),
    });
    expect(res.status, res.text).to.equal(201);
    const r: Recorded = { id: res.body.id, day, purchase, ret, status: 'pending', breach: false };
    recorded.push(r);
    return r;
  }

  async function decide(r: Recorded, outcome: 'honored' | 'refused') {
    const body =
      outcome === 'honored' ? { outcome, refundedAt: shanghaiNoon(r.day).toISOString(), amountFen: 5000 } : { outcome, reason: '已拆封' };
    const res = await hq.post(`/return-requests/${r.id}/outcome`, body);
    expect(res.status, res.text).to.equal(200);
    r.status = outcome;
    // Covered and refused: a breach.
    r.breach = outcome === 'refused';
    expect(res.body.breach).to.equal(r.breach);
  }

  /** Each list of the desk against what was recorded: the same requests in the same order, full pages, one total. */
  async function checkLists() {
    const cases: [ApiClient, string, (r: Recorded) => boolean][] = [
      [hq, '', () => true],
      [hq, 'status=pending', (r) => r.status === 'pending'],
      [hq, 'status=honored', (r) => r.status === 'honored'],
      [hq, 'status=refused', (r) => r.status === 'refused'],
      [hq, 'breach=true', (r) => r.breach],
      [hq, 'breach=false', (r) => !r.breach],
      [hq, `storeId=${s.hzXihu}`, (r) => r.purchase === s.hzXihu || r.ret === s.hzXihu],
      [
        hq,
        `storeId=${s.hzBinjiang}&status=pending`,
        (r) => (r.purchase === s.hzBinjiang || r.ret === s.hzBinjiang) && r.status === 'pending',
      ],
      [hq, 'status=refused&breach=true', (r) => r.status === 'refused' && r.breach],
      [staff, '', (r) => r.ret === s.hzXihu],
      [staff, 'status=honored', (r) => r.ret === s.hzXihu && r.status === 'honored'],
      [staff, `storeId=${s.hzBinjiang}`, (r) => r.ret === s.hzXihu && r.purchase === s.hzBinjiang],
    ];
    for (const [client, query, keep] of cases) {
      const want = newestFirst(recorded.filter(keep));
      const got = await allPages(client, query, 3);
      expect({ query, staff: client === staff, ids: got.ids, totals: got.totals }).to.deep.equal({
        query,
        staff: client === staff,
        ids: want,
        totals: [want.length],
      });
      // Full pages: only the last may be short.
      expect(
        got.sizes.slice(0, -1).every((n) => n === 3),
        `${query}: ${got.sizes.join(',')}`,
      ).to.equal(true);
    }
  }

  it('counts and lists what was recorded, over two months, as headquarters and as store staff', async () => {
    for (const day of ['2026-02-26', '2026-02-27', '2026-03-02', '2026-03-03', '2026-03-04']) {
      await record(hq, day, s.hzXihu, s.hzXihu);
      await record(hq, day, s.nbHaishu, s.nbHaishu);
      await record(staff, day, s.hzBinjiang, s.hzXihu);
    }
    await checkLists();
  });

  it('moves the counts with each outcome and breach', async () => {
    testClock.set(shanghaiNoon('2026-03-04'));
    await decide(recorded[0]!, 'honored');
    await decide(recorded[2]!, 'refused');
    await decide(recorded[4]!, 'refused');
    await decide(recorded[8]!, 'honored');
    await decide(recorded[14]!, 'refused');
    await checkLists();
  });

  it('keeps them through sealing, and counts a new request at once', async () => {
    await sealCounts();
    expect(await CountSnapshotModel.exists({ scope: returnListScope(recordedMerchant()) })).to.not.equal(null);
    await record(staff, '2026-03-04', s.hzXihu, s.hzXihu);
    await checkLists();
    // The rebuild recounts the same scopes from the requests and finds nothing to correct.
    expect((await rebuildProjections({ write: false })).countsDiffering).to.equal(0);
  });

  it('gives requests stored before the counts existed their counts and month at start', async () => {
    const scope = returnListScope(recordedMerchant());
    await Promise.all([
      CountDeltaModel.deleteMany({ scope }),
      CountSnapshotModel.deleteMany({ scope }),
      JobRunModel.deleteMany({ key: 'backfill:return-counts-v1' }),
      ReturnRequestModel.collection.updateMany({}, { $unset: { month: '' } }),
    ]);
    expect((await hq.get('/return-requests?limit=3')).body.total).to.equal(0);
    await backfillFields();
    await checkLists();
  });

  it('gives the demo seed its counts, which the next start does not count again', async () => {
    await ReturnRequestModel.deleteMany({});
    await Promise.all([CountDeltaModel.deleteMany({}), CountSnapshotModel.deleteMany({}), JobRunModel.deleteMany({})]);
    testClock.reset();
    listTuning.wholeUpTo = wholeUpTo;
    await seedReturns(world);
    // The seed counted its requests and marked the backfill done, so no later start counts them again
    // (once their deltas are sealed and forgotten, a replay's id would no longer be found).
    expect(await JobRunModel.exists({ key: 'backfill:return-counts-v1' })).to.not.equal(null);
    await backfillFields();
    const seeded = await ReturnRequestModel.find({ merchantId: recordedMerchant() }, { day: 1, status: 1, breach: 1 }).lean();
    const first = await hq.get('/return-requests?limit=50');
    expect(first.status, first.text).to.equal(200);
    expect(first.body.total).to.equal(seeded.length);
    expect(first.body.items).to.have.length(50);
    const breaches = await hq.get('/return-requests?limit=1&breach=true');
    expect(breaches.body.total)
      .to.equal(seeded.filter((r) => r.breach).length)
      .and.to.be.greaterThan(0);
    const refused = await hq.get('/return-requests?limit=1&status=refused');
    expect(refused.body.total).to.equal(seeded.filter((r) => r.status === 'refused').length);
  });

  it('gives the review the figures of the requests themselves, from its rollup, for the province, a city and a county', async () => {
    // The demo's returns (the test before), some decided late, refused or breached; one more recorded and honoured now.
    testClock.reset();
    const day = shanghaiDay(new Date());
    const res = await hq.post('/return-requests', {
      purchaseStoreId: s.hzXihu,
      returnStoreId: s.hzXihu,
      purchaseDate: day,
      amountFen: 5000,
      product: product(),
    });
    expect(res.status, res.text).to.equal(201);
    const honored = await hq.post(`/return-requests/${res.body.id}/outcome`, {
      outcome: 'honored',
      refundedAt: new Date().toISOString(),
      amountFen: 5000,
    });
    expect(honored.status, honored.text).to.equal(200);
    await sealCounts();
    const settings = { threshold: 0.99, days: 90, minRequests: 1, breaches: 1 };
    for (const region of ['33', '3301', '330106']) {
      const report = await complianceReport(region, settings, new Date());
      const rows = await loadRows({ region: region.length > 2 ? region : undefined, from: report.period.from, to: report.period.to });
      expect(rows.length, region).to.be.greaterThan(0);
      expect(report.totals, region).to.deep.equal(summarise(rows));
      const whole = breakdown(rows);
      for (const m of report.merchants) {
        expect(pick(m), `${region} ${m.merchantName}`).to.deep.equal(pick(whole.byMerchant.find((x) => x.merchantId === m.merchantId)!));
        for (const st of m.stores) expect(pick(st), st.storeName).to.deep.equal(pick(whole.byStore.find((x) => x.storeId === st.storeId)!));
        const bad = rows.filter((x) => String(x.merchantId) === m.merchantId && (x.breach || x.status === 'refused'));
        expect(m.evidence.breaches.length + m.evidence.refusals.length).to.equal(
          Math.min(25, bad.filter((x) => x.breach).length) + Math.min(25, bad.filter((x) => !x.breach).length),
        );
      }
      expect(report.merchants.length, region).to.be.greaterThan(0);
      const weeks = new Set(rows.map((x) => `${x.returnCityCode}|${x.week}`));
      expect(report.trend.map((t) => `${t.cityCode}|${t.week}`).sort()).to.deep.equal([...weeks].sort());
      for (const t of report.trend)
        expect(t.requests).to.equal(rows.filter((x) => x.returnCityCode === t.cityCode && x.week === t.week).length);
    }
  });

  function recordedMerchant() {
    return world.chain._id;
  }
});
