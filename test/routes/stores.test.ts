// The 门店 page's API: a merchant lists, adds, edits and closes its stores; closed stores leave the
// public lists and take no new complaints or returns, while their history stays.
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing } from '../helpers/complaints.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores, product } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('store management (GET /merchant/stores, POST /stores, PATCH /stores/:id, POST /stores/:id/close)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let merchant: ApiClient;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    merchant = await signedIn(srv.url, DEMO.merchant);
  });
  after(() => srv.stop());

  it('lists the chain’s seven stores with counts, figures and the commitment badge', async () => {
    const ids = chainStores(world);
    const pub = await merchant.post('/return-commitments', {
      scope: 'chain_province',
      storeIds: [ids.hzXihu, ids.nbHaishu],
      windowDays: 7,
      conditions: '商品完好',
      refundWithinHours: 24,
    });
    expect(pub.status, pub.text).to.equal(201);
    const r = await merchant.get('/merchant/stores?limit=5');
    expect(r.status, r.text).to.equal(200);
    expect(r.body.counts).to.deep.equal({ open: 7, closed: 0 });
    expect(r.body.items).to.have.length(5);
    expect(r.body.nextCursor).to.be.a('string');
    const rest = await merchant.get(`/merchant/stores?limit=5&cursor=${r.body.nextCursor}`);
    expect(rest.body.items).to.have.length(2);
    expect(rest.body.nextCursor).to.equal(null);
    const all = [...r.body.items, ...rest.body.items];
    expect(new Set(all.map((s: { id: string }) => s.id)).size).to.equal(7);
    const xihu = all.find((s: { id: string }) => s.id === ids.hzXihu);
    expect(xihu).to.include({ commitmentBadge: true, status: 'open' });
    expect(xihu.commitmentScopes).to.deep.equal(['chain_province']);
    expect(xihu.figures).to.have.keys(['complaints90d', 'returns90d', 'honorRate', 'breaches90d']);
    expect(all.find((s: { id: string }) => s.id === ids.wenzhou).commitmentBadge).to.equal(false);
  });

  it('counts a complaint and a return in the store’s figures', async () => {
    const ids = chainStores(world);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    expect((await consumer.post('/complaints', filing(world, '330302'))).status).to.equal(201);
    const ret = await merchant.post('/return-requests', {
      purchaseStoreId: ids.hzXihu,
      returnStoreId: ids.hzXihu,
      purchaseDate: new Date().toISOString().slice(0, 10),
      amountFen: 5000,
      product: product(),
    });
    expect(ret.status, ret.text).to.equal(201);
    const r = await merchant.get('/merchant/stores?limit=100');
    const byId = new Map(r.body.items.map((s: { id: string }) => [s.id, s]));
    expect((byId.get(ids.wenzhou) as { figures: { complaints90d: number } }).figures.complaints90d).to.equal(1);
    expect((byId.get(ids.hzXihu) as { figures: { returns90d: number } }).figures.returns90d).to.equal(1);
  });

  it('adds a store in a county of Zhejiang, refusing bad input with 400 and an unknown county with 422', async () => {
    const bad = await merchant.post('/stores', { name: '', countyCode: '3301', address: 'x' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).join(','))
      .to.match(/name/)
      .and.to.match(/countyCode/);
    expect((await merchant.post('/stores', { name: '未知区县店', countyCode: '339999', address: '某路 1 号' })).status).to.equal(422);
    expect(
      (await merchant.post('/stores', { name: '多余字段店', countyCode: '330106', address: '某路', merchantId: String(world.shop._id) }))
        .status,
    ).to.equal(400);
    const r = await merchant.post('/stores', { name: '万家福超市 湖州吴兴店', countyCode: '330502', address: '湖州市吴兴区红旗路 8 号' });
    expect(r.status, r.text).to.equal(201);
    expect(r.body).to.include({ cityCode: '3305', status: 'open', merchantId: String(world.chain._id) });
    const list = await merchant.get('/merchant/stores?limit=100');
    expect(list.body.counts.open).to.equal(8);
    expect(list.body.items[0].id, 'newest first').to.equal(r.body.id);
  });

  it('edits a store’s address and county (city follows), and answers 404 for another merchant’s store', async () => {
    const ids = chainStores(world);
    const r = await merchant.patch(`/stores/${ids.hzBinjiang}`, { countyCode: '330109', address: '杭州市萧山区市心中路 1 号' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({ countyCode: '330109', cityCode: '3301', address: '杭州市萧山区市心中路 1 号' });
    expect((await merchant.patch(`/stores/${ids.hzBinjiang}`, {})).status).to.equal(400);
    expect((await merchant.patch(`/stores/${ids.hzBinjiang}`, { countyCode: 'abc' })).status).to.equal(400);
    expect((await merchant.patch(`/stores/${ids.shop}`, { address: '别人的店' })).status).to.equal(404);
    expect((await merchant.post(`/stores/${ids.shop}/close`)).status).to.equal(404);
  });

  it('closes a store: kept with its history, gone from public lists, refusing new complaints and returns', async () => {
    const ids = chainStores(world);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    const before = await consumer.post('/complaints', filing(world, '330203'));
    expect(before.status).to.equal(201);
    const r = await merchant.post(`/stores/${ids.nbHaishu}/close`);
    expect(r.status, r.text).to.equal(200);
    expect(r.body.status).to.equal('closed');
    expect(r.body.closedAt).to.be.a('string');
    expect((await merchant.post(`/stores/${ids.nbHaishu}/close`)).status).to.equal(409);
    expect((await merchant.patch(`/stores/${ids.nbHaishu}`, { name: 'x' })).status).to.equal(409);

    const closedList = await merchant.get('/merchant/stores?status=closed');
    expect(closedList.body.items.map((s: { id: string }) => s.id)).to.deep.equal([ids.nbHaishu]);
    expect(closedList.body.counts.closed).to.equal(1);

    const anon = new ApiClient(srv.url);
    const pub = await anon.get(`/stores?merchantId=${world.chain._id}&limit=100`);
    expect(pub.body.items.map((s: { id: string }) => s.id)).not.to.include(ids.nbHaishu);
    const profile = await anon.get(`/merchants/${world.chain._id}`);
    expect(profile.body.stores.map((s: { id: string }) => s.id)).not.to.include(ids.nbHaishu);

    const refused = await consumer.post('/complaints', filing(world, '330203'));
    expect(refused.status).to.equal(422);
    expect(refused.body.error.code).to.equal('store_closed');
    const ret = await consumer.post('/return-requests', {
      purchaseStoreId: ids.hzXihu,
      returnStoreId: ids.nbHaishu,
      purchaseDate: new Date().toISOString().slice(0, 10),
      amountFen: 5000,
      product: product(),
    });
    expect(ret.status).to.equal(422);
    expect(ret.body.error.code).to.equal('store_closed');
    // The complaint filed before the closing is still there for everyone who saw it.
    expect((await merchant.get(`/complaints/${before.body.id}`)).status).to.equal(200);
  });

  it('lets only headquarters merchants manage stores', async () => {
    const ids = chainStores(world);
    for (const email of [DEMO.consumer, DEMO.regulatorHz, DEMO.admin]) {
      const c = await signedIn(srv.url, email);
      expect((await c.get('/merchant/stores')).status, email).to.equal(403);
      expect((await c.patch(`/stores/${ids.wenzhou}`, { name: 'x' })).status, email).to.equal(403);
      expect((await c.post(`/stores/${ids.wenzhou}/close`)).status, email).to.equal(403);
    }
    expect((await new ApiClient(srv.url).get('/merchant/stores')).status).to.equal(401);
    const shop = await signedIn(srv.url, DEMO.shop);
    const own = await shop.get('/merchant/stores');
    expect(own.body.items.map((s: { id: string }) => s.id)).to.deep.equal([ids.shop]);
  });
});
