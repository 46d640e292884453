import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores, product, returnsWorld, shanghaiNoon } from '../helpers/returns.js';
import type { TestServer } from '../helpers/server.js';

const HOUR = 3600 * 1000;

/**
 * A small fixture whose figures are computed by hand below. The demo chain (chain_province, 48 h):
 *   A Xihu→Xihu covered, honoured after 2 h       B Xihu→Ningbo Haishu covered (cross-city), honoured after 10 h
 *   C Xihu→Binjiang covered, refused (breach)     D Xihu→Xihu not covered (past window), refused
 *   E Haishu→Haishu covered, pending              F Haishu→Yinzhou covered, next day, honoured after 4 h
 * The single shop (store commitment, toys): G shop→shop covered, honoured after 1 h, next day.
 */
describe('return figures, registry and visibility', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let chain: ApiClient, shop: ApiClient, consumer: ApiClient;
  let s: ReturnType<typeof chainStores>;
  const ids: Record<string, string> = {};
  let chainCommitment: string;
  let shopCommitment: string;

  const at = (day: string, hours = 0) => new Date(shanghaiNoon(day).getTime() + hours * HOUR).toISOString();

  async function ret(key: string, by: ApiClient, p: string, r: string, purchaseDate: string, category = 'clothing') {
    const res = await by.post('/return-requests', {
      purchaseStoreId: p,
      returnStoreId: r,
      purchaseDate,
      amountFen: 10000,
      product: product(category),
    });
    expect(res.status, res.text).to.equal(201);
    ids[key] = res.body.id;
    return res.body;
  }
  async function outcome(key: string, by: ApiClient, body: Record<string, unknown>) {
    const res = await by.post(`/return-requests/${ids[key]}/outcome`, body);
    expect(res.status, res.text).to.equal(200);
  }

  before(async () => {
    ({ world, srv, s, chain, shop, consumer } = await returnsWorld('2026-03-10'));
    chainCommitment = (
      await chain.post('/return-commitments', { scope: 'chain_province', windowDays: 7, conditions: '完好', refundWithinHours: 48 })
    ).body.id;
    shopCommitment = (
      await shop.post('/return-commitments', {
        scope: 'store',
        storeIds: [s.shop],
        windowDays: 7,
        categories: ['toy'],
        conditions: '包装完整',
        refundWithinHours: 24,
      })
    ).body.id;

    await ret('A', consumer, s.hzXihu, s.hzXihu, '2026-03-09');
    await ret('B', consumer, s.hzXihu, s.nbHaishu, '2026-03-09');
    await ret('C', consumer, s.hzXihu, s.hzBinjiang, '2026-03-09');
    expect((await ret('D', consumer, s.hzXihu, s.hzXihu, '2026-02-01')).covered).to.equal(false);
    await ret('E', chain, s.nbHaishu, s.nbHaishu, '2026-03-09');
    testClock.set(new Date(Date.parse(at('2026-03-10', 12))));
    await outcome('A', chain, { outcome: 'honored', refundedAt: at('2026-03-10', 2), amountFen: 10000 });
    await outcome('B', chain, { outcome: 'honored', refundedAt: at('2026-03-10', 10), amountFen: 10000 });
    await outcome('C', chain, { outcome: 'refused', reason: '已使用' });
    await outcome('D', chain, { outcome: 'refused', reason: '超过期限' });

    testClock.set(shanghaiNoon('2026-03-11'));
    await ret('F', chain, s.nbHaishu, s.nbYinzhou, '2026-03-10');
    await ret('G', consumer, s.shop, s.shop, '2026-03-10', 'toy');
    testClock.set(new Date(Date.parse(at('2026-03-11', 5))));
    await outcome('F', chain, { outcome: 'honored', refundedAt: at('2026-03-11', 4), amountFen: 8000 });
    await outcome('G', shop, { outcome: 'honored', refundedAt: at('2026-03-11', 1), amountFen: 10000 });
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  it('gives the chain its figures, equal to the hand count', async () => {
    const r = await chain.get('/analytics/returns');
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({
      requests: 6,
      covered: 5,
      honored: 3,
      refused: 2,
      pending: 1,
      honorRate: 0.75,
      crossStoreShare: 0.5,
      crossCityShare: 0.1667,
      medianRefundHours: 4,
      breaches: 1,
    });
    const byStore = Object.fromEntries(r.body.byStore.map((x: { storeName: string }) => [x.storeName, x]));
    expect(byStore['万家福超市 杭州西湖店']).to.include({ requests: 2, honored: 1, refused: 1, honorRate: 1 });
    expect(byStore['万家福超市 杭州滨江店']).to.include({ requests: 1, refused: 1, honorRate: 0, breaches: 1 });
    expect(byStore['万家福超市 宁波海曙店']).to.include({ requests: 2, honored: 1, pending: 1, honorRate: 1, medianRefundHours: 10 });
    const byCity = Object.fromEntries(r.body.byCity.map((x: { cityCode: string }) => [x.cityCode, x]));
    expect(byCity['3301']).to.include({ requests: 3, honorRate: 0.5 });
    expect(byCity['3302']).to.include({ requests: 3, honorRate: 1, crossCityShare: 0.3333 });
    expect(r.body.byMerchant).to.have.length(1);
  });

  it('filters by day and by region', async () => {
    const day = await chain.get('/analytics/returns?from=2026-03-11&to=2026-03-11');
    expect(day.body).to.include({ requests: 1, honored: 1, medianRefundHours: 4 });
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const nb = await zj.get('/analytics/returns?region=3302');
    expect(nb.body).to.include({ requests: 3 });
    const all = await zj.get('/analytics/returns');
    expect(all.body).to.include({ requests: 7, honored: 4 });
    expect(all.body.byMerchant).to.have.length(2);
    const county = await zj.get('/analytics/returns?region=330108');
    expect(county.body).to.include({ requests: 1, breaches: 1 });
  });

  it('keeps each party inside its own figures and records', async () => {
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    expect((await hz.get('/analytics/returns')).body.requests).to.equal(3);
    expect((await hz.get('/analytics/returns?region=3302')).status).to.equal(403);
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.get('/analytics/returns')).body.requests).to.equal(1);
    const own = await shop.get('/analytics/returns');
    expect(own.body).to.include({ requests: 1, honored: 1, medianRefundHours: 1 });
    expect((await shop.get(`/analytics/returns?merchantId=${world.chain._id}`)).status).to.equal(403);
    expect((await consumer.get('/analytics/returns')).status).to.equal(403);

    // A merchant never sees another merchant's requests, in a list or one by one.
    const shopList = await shop.get('/return-requests?limit=100');
    expect(shopList.body.items.map((x: { id: string }) => x.id)).to.deep.equal([ids.G]);
    expect((await shop.get(`/return-requests/${ids.A}`)).status).to.equal(404);
    expect((await shop.post(`/return-requests/${ids.E}/outcome`, { outcome: 'refused', reason: 'x' })).status).to.equal(404);
    expect((await shop.get(`/return-requests?merchantId=${world.chain._id}`)).status).to.equal(403);
    const chainList = await chain.get('/return-requests?limit=100');
    expect(chainList.body.items).to.have.length(6);
    // The consumer sees the returns made in their name only (not E and F, recorded at the desk).
    const mine = await consumer.get('/return-requests?limit=100');
    expect(mine.body.items.map((x: { id: string }) => x.id).sort()).to.deep.equal([ids.A, ids.B, ids.C, ids.D, ids.G].sort());
    expect((await consumer.get(`/return-requests/${ids.E}`)).status).to.equal(404);
    // A regulator sees requests touching its region: Ningbo's bureau is not Hangzhou's.
    expect((await hz.get('/return-requests?limit=100')).body.items).to.have.length(4);
    expect((await hz.get(`/return-requests/${ids.F}`)).status).to.equal(404);
    expect((await new ApiClient(srv.url).get('/return-requests')).status).to.equal(401);
  });

  it('shows the registry, badges and honour rates to anyone signed out', async () => {
    const anon = new ApiClient(srv.url);
    const all = await anon.get('/return-commitments');
    expect(all.status).to.equal(200);
    expect(all.body.items.map((c: { id: string }) => c.id).sort()).to.deep.equal([chainCommitment, shopCommitment].sort());
    const c = all.body.items.find((x: { id: string }) => x.id === chainCommitment);
    expect(c).to.include({ scope: 'chain_province', windowDays: 7, refundWithinHours: 48, honorRate: 0.75 });
    expect(c.legalExclusions).to.include.members(['made_to_order', 'fresh_food', 'digital_content', 'newspaper']);
    expect(c.stores).to.have.length(7);
    expect(c.stores.every((x: { acceptsOtherStores: boolean }) => x.acceptsOtherStores)).to.equal(true);

    const ids = async (q: string) => (await anon.get('/return-commitments' + q)).body.items.map((x: { id: string }) => x.id).sort();
    expect(await ids('?region=3303')).to.deep.equal([chainCommitment]);
    expect(await ids('?region=330782')).to.deep.equal([chainCommitment, shopCommitment].sort());
    expect(await ids('?category=toy')).to.deep.equal([chainCommitment, shopCommitment].sort());
    expect(await ids('?category=clothing')).to.deep.equal([chainCommitment]);
    expect(await ids('?category=fresh_food')).to.deep.equal([]);
    expect(await ids('?crossStore=true')).to.deep.equal([chainCommitment]);
    expect(await ids(`?merchantId=${world.shop._id}`)).to.deep.equal([shopCommitment]);
    expect((await anon.get('/return-commitments?region=99')).status).to.equal(400);

    const badge = await anon.get(`/stores/${s.shop}/badge`);
    expect(badge.body).to.include({ commitmentBadge: true });
    expect(badge.body.label.zh).to.equal('放心消费承诺');
    const other = world.stores.find((x) => x.name.includes('电动车行'))!;
    expect((await anon.get(`/stores/${other._id}/badge`)).body.commitmentBadge).to.equal(false);
    const profile = await anon.get(`/merchants/${world.chain._id}`);
    expect(profile.body.figures).to.include({ returnHonorRate: 0.75, returnBreaches: 1, commitmentBadge: 1 });
    const detail = await anon.get(`/return-commitments/${chainCommitment}`);
    expect(detail.body.history.map((h: { action: string }) => h.action)).to.deep.equal(['publish']);
  });

  it('lists for review by the thresholds the regulator sets, with the evidence', async () => {
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const byDefault = await zj.get('/compliance/returns');
    expect(byDefault.status, byDefault.text).to.equal(200);
    expect(byDefault.body.settings).to.deep.equal({ threshold: 0.9, days: 90, minRequests: 10, breaches: 3 });
    expect(byDefault.body.merchants).to.have.length(0);

    const saved = await zj.request('PUT', '/compliance/returns/settings', { threshold: 0.8, days: 30, minRequests: 5, breaches: 1 });
    expect(saved.status, saved.text).to.equal(200);
    const listed = await zj.get('/compliance/returns');
    expect(listed.body.merchants.map((m: { merchantName: string }) => m.merchantName)).to.deep.equal([world.chain.name]);
    const m = listed.body.merchants[0];
    expect(m.reasons).to.deep.equal(['low_honor_rate', 'repeated_breaches']);
    expect(m).to.include({ requests: 6, honorRate: 0.75, breaches: 1 });
    expect(m.evidence.breaches.map((e: { id: string }) => e.id)).to.deep.equal([ids.C]);
    expect(m.evidence.refusals.map((e: { id: string }) => e.id)).to.deep.equal([ids.D]);
    expect(m.stores[0]).to.include({ storeName: '万家福超市 杭州滨江店', flagged: true });
    expect(m.commitments[0]).to.include({ id: chainCommitment, status: 'active' });
    expect(listed.body.trend.find((t: { cityCode: string }) => t.cityCode === '3301')).to.include({ requests: 3, honorRate: 0.5 });

    // A query overrides the saved thresholds; the Hangzhou bureau keeps the defaults of its own region.
    expect((await zj.get('/compliance/returns?minRequests=50&breaches=5')).body.merchants).to.have.length(0);
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    expect((await hz.get('/compliance/returns')).body.settings.threshold).to.equal(0.9);
    expect((await chain.get('/compliance/returns')).status).to.equal(403);
    expect(
      (await zj.request('PUT', '/compliance/returns/settings', { threshold: 2, days: 30, minRequests: 5, breaches: 1 })).status,
    ).to.equal(400);
  });

  it('lists a merchant of credit tier D that shows a commitment badge, with the figures behind the tier', async () => {
    // What the hourly credit job (products/credit.ts) stores for a merchant it rates D.
    const figures = {
      creditScore: 48.5,
      complaints180d: 42,
      complaintsPerStore: 42,
      timelyResponseRate180d: 0.4,
      resolutionRate180d: 0.3,
      returnBreaches: 4,
      enforcementCases: 1,
    };
    await MerchantCreditModel.replaceOne(
      { _id: world.shop._id },
      { _id: world.shop._id, tier: 'D', figures, at: new Date() },
      { upsert: true },
    );
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    const res = await yw.get('/compliance/returns');
    expect(res.status, res.text).to.equal(200);
    const entry = res.body.merchants.find((m: { merchantId: string }) => m.merchantId === String(world.shop._id));
    expect(entry, 'the shop is on the review list').to.not.equal(undefined);
    expect(entry).to.include({ merchantName: world.shop.name });
    expect(entry.reasons).to.deep.equal(['credit_tier_d']);
    expect(entry.credit).to.deep.equal({ tier: 'D', figures });
    expect(entry.commitments.map((c: { id: string }) => c.id)).to.deep.equal([shopCommitment]);
    // Hangzhou's bureau covers none of the shop's committed stores.
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    expect((await hz.get('/compliance/returns')).body.merchants.map((m: { merchantId: string }) => m.merchantId)).to.not.include(
      String(world.shop._id),
    );
    await MerchantCreditModel.deleteOne({ _id: world.shop._id });
  });

  it('lets the bureau suspend and reinstate with a reason, the merchant withdraw, and nobody else', async () => {
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'suspend', reason: 'x' })).status).to.equal(403);
    expect((await chain.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'suspend', reason: 'x' })).status).to.equal(
      403,
    );
    expect((await shop.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'withdraw' })).status).to.equal(403);
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    expect((await hz.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'suspend' })).status).to.equal(400);
    const sus = await hz.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'suspend', reason: '拒绝退货投诉集中' });
    expect(sus.status, sus.text).to.equal(200);
    expect(sus.body.status).to.equal('suspended');
    // Suspended: gone from the public registry and badge, still visible to its merchant.
    const anon = new ApiClient(srv.url);
    expect((await anon.get('/return-commitments')).body.items.map((c: { id: string }) => c.id)).to.not.include(chainCommitment);
    expect((await anon.get(`/return-commitments/${chainCommitment}`)).status).to.equal(404);
    expect((await anon.get(`/stores/${s.hzXihu}/badge`)).body.commitmentBadge).to.equal(false);
    expect((await chain.get('/return-commitments?status=all')).body.items.map((c: { id: string }) => c.id)).to.include(chainCommitment);
    expect((await hz.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'suspend', reason: 'again' })).status).to.equal(
      409,
    );
    await hz.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'reinstate', reason: '已整改' });
    const w = await chain.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'withdraw' });
    expect(w.body.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).to.deep.equal([
      ['publish', null],
      ['suspend', '拒绝退货投诉集中'],
      ['reinstate', '已整改'],
      ['withdraw', null],
    ]);
    expect((await chain.post(`/return-commitments/${chainCommitment}/transitions`, { action: 'reinstate', reason: 'x' })).status).to.equal(
      403,
    );
  });

  it('validates commitments: window, stores, roles', async () => {
    const base = { scope: 'chain_city', windowDays: 7, conditions: '完好', refundWithinHours: 24 };
    expect((await chain.post('/return-commitments', { ...base, windowDays: 6 })).status).to.equal(400);
    expect((await chain.post('/return-commitments', { ...base, scope: 'store' })).status).to.equal(400);
    const foreign = await chain.post('/return-commitments', { ...base, storeIds: [s.shop] });
    expect(foreign.status).to.equal(422);
    expect(foreign.body.error.code).to.equal('store_not_owned');
    expect((await chain.post('/return-commitments', { ...base, categories: ['toy'], excludedCategories: ['toy'] })).status).to.equal(422);
    expect((await consumer.post('/return-commitments', base)).status).to.equal(403);
    const anon = new ApiClient(srv.url);
    await anon.fetchCsrf();
    expect((await anon.post('/return-commitments', base)).status).to.equal(401);
    expect(
      (
        await chain.post('/return-requests', {
          purchaseStoreId: s.shop,
          returnStoreId: s.shop,
          purchaseDate: '2026-03-10',
          amountFen: 1,
          product: product(),
        })
      ).body.error.code,
    ).to.equal('not_your_store');
  });

  it('answers a repeated Idempotency-Key with the first request', async () => {
    const body = { purchaseStoreId: s.hzXihu, returnStoreId: s.hzXihu, purchaseDate: '2026-03-10', amountFen: 500, product: product() };
    const first = await consumer.post('/return-requests', body, { 'Idempotency-Key': 'k-1' });
    const again = await consumer.post('/return-requests', body, { 'Idempotency-Key': 'k-1' });
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(200);
    expect(again.body.id).to.equal(first.body.id);
    const other = await consumer.post('/return-requests', { ...body, amountFen: 600 }, { 'Idempotency-Key': 'k-1' });
    expect(other.status).to.equal(409);
    // The same rule as every other write (API.md): printable ASCII, so a key with a space is refused.
    const spaced = await consumer.post('/return-requests', body, { 'Idempotency-Key': 'k 2' });
    expect(spaced.status).to.equal(400);
    expect(spaced.body.error.details[0].path).to.equal('Idempotency-Key');
  });
});
