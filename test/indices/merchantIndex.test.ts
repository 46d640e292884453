import { expect } from 'chai';
import { ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { merchantStores, toyComplaint } from '../helpers/products.js';
import { insertSynthetic, type SyntheticSpec } from '../../server/products/synthetic.js';
import { merchantCredit } from '../../server/products/credit.js';
import { merchantIndices } from '../../server/indices/merchantIndex.js';
import { testClock } from '../../server/clock.js';
import { StoreModel } from '../../server/models/Store.js';

// Monday 2 March 2026, 10:00 Shanghai (no holiday in the next four weeks; see figures.test.ts).
const T0 = new Date('2026-03-02T02:00:00Z');
const LATER = new Date(T0.getTime() + 40 * 86400_000);

describe('honest indices equal hand-computed values on a fixture with unrated complaints', () => {
  let srv: TestServer;
  let merchantId: string;
  let ids: Record<'a' | 'b' | 'small', string>;
  const pick = (s: { merchantId: unknown; merchantName: string }) => ({ merchantId: s.merchantId, merchantName: s.merchantName });
  before(async () => {
    const world = await freshWorld();
    testClock.set(LATER);
    srv = await startTestServer();
    const [store, other, small] = await merchantStores(['330106', '330108', '330105'], 'idx');
    // The second merchant has two open stores in Hangzhou: its complaints are per store halved.
    await StoreModel.create({ ...pick(other!), name: '第二门店', countyCode: '330108', cityCode: '3301', address: '测试路 2 号' });
    merchantId = String(store!.merchantId);
    const base = toyComplaint(world, store!);
    const specs: SyntheticSpec[] = [
      { ...base, at: T0, path: 'resolved', satisfaction: 5 }, // 4 days, timely, rated satisfied
      { ...base, at: T0, path: 'resolved' }, // 4 days, timely, NOT rated: not resolved
      { ...base, at: T0, path: 'resolved' }, // 4 days, timely, not rated
      { ...base, at: T0, path: 'resolved_late', satisfaction: 2 }, // 18 days, late, rated dissatisfied
      { ...base, at: T0, path: 'mediated', satisfaction: 4 }, // 20 days, timely, rated satisfied
      { ...base, at: T0, path: 'declined' }, // 18 days, no response: late
      { ...base, at: T0, path: 'withdrawn' }, // 3 days, no response needed
      { ...base, at: T0, path: 'open' }, // with the merchant: not closed, timeliness undecided
    ];
    const more = (st: typeof store, n: number) =>
      Array.from({ length: n }, () => ({ ...toyComplaint(world, st!), at: T0, path: 'open' as const }));
    await insertSynthetic([...specs, ...more(other, 6), ...more(small, 2)], LATER);
    ids = { a: merchantId, b: String(other!.merchantId), small: String(small!.merchantId) };
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  const expected = {
    indexComplaints: 8,
    indexClosed: 7,
    indexResolvedRated: 2, // resolved 5★, mediated 4★
    indexResolvedUnrated: 2, // the two resolved without a rating: shown, never counted as resolved
    indexResolvedDissatisfied: 1, // resolved late, 2★
    indexResolutionRate: 0.286, // 2 / 7
    indexTimely: 4, // three resolved in time + mediated
    indexTimelyDecided: 6, // + resolved late, declined
    indexTimelyUndecided: 2, // withdrawn, open
    indexTimelyRate: 0.667,
    indexMedianDaysToClose: 4, // 3, 4, 4, 4, 18, 18, 20
    indexClosedWithDays: 7,
    indexRatings: 3,
    indexSatisfaction: 3.67, // (5 + 2 + 4) / 3
    indexPromisesKept: 0,
    indexPromisesDecided: 0,
    indexPromisesPending: 4, // the merchant's accepted refund answers (three resolved, resolved late): none confirmed yet
    indexPromisesKeptRate: null,
  };

  it('reads the indices from the counts written with the complaints', async () => {
    expect(await merchantIndices(merchantId, LATER)).to.deep.equal(expected);
  });

  it('shows them on the signed-out public profile', async () => {
    const profile = await new ApiClient(srv.url).get(`/merchants/${merchantId}`);
    expect(profile.status, profile.text).to.equal(200);
    expect(profile.body.figures).to.include(expected);
  });

  it('counts the complaints of the last six months only', async () => {
    const far = new Date(T0.getTime() + 200 * 86400_000);
    expect((await merchantIndices(merchantId, far)).indexComplaints).to.equal(0);
  });

  it('credit counts only rated-satisfied closes as resolved, the unrated apart', async () => {
    const credit = await merchantCredit(merchantId, LATER);
    expect(credit.figures).to.include({ closed180d: 7, resolvedRated180d: 2, resolvedUnrated180d: 2, resolutionRate180d: 0.286 });
  });

  it("ranks a city's merchants in a category per open store, only from the minimum of complaints", async () => {
    const r = await new ApiClient(srv.url).get('/public/rankings?cityCode=3301&category=toy');
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({ cityCode: '3301', category: 'toy', minComplaints: 5, belowMinimum: 1 });
    expect(r.body.items.map((x: Record<string, unknown>) => [x.rank, x.merchantId, x.complaints, x.stores, x.perStore])).to.deep.equal([
      [1, ids.b, 6, 2, 3], // six complaints over two stores
      [2, ids.a, 8, 1, 8],
    ]);
    expect((await new ApiClient(srv.url).get('/public/rankings?cityCode=3302&category=toy')).body.items).to.deep.equal([]);
    expect((await new ApiClient(srv.url).get('/public/rankings?cityCode=3301&category=nonsense')).status).to.equal(400);
    expect((await new ApiClient(srv.url).get('/public/rankings?category=toy')).status).to.equal(400);
  });
});
