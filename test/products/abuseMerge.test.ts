import { expect } from 'chai';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { consumerOf, merchantStores, plant, plantSpecs } from '../helpers/products.js';
import { insertSynthetic } from '../../server/products/synthetic.js';
import { reviewConsumer } from '../../server/commands/reviewAbuse.js';
import { resolveProduct } from '../../server/commands/resolveProduct.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { AbuseReviewModel } from '../../server/models/AbuseReview.js';
import mongoose from 'mongoose';
import { now } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';

describe('abuse review queue', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let hz: ApiClient;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
  });
  after(() => srv.stop());

  const templated = (i: number) => `商品标签不符合国家标准，要求十倍赔偿${(i + 2) * 1000}元，订单${1000 + i}。`;
  /** Eight templated complaints of `consumer` over the last ten days, spread over `stores`. */
  const templatedSpecs = (stores: Awaited<ReturnType<typeof merchantStores>>, consumer: string) =>
    plantSpecs({
      stores,
      count: 8,
      product: { name: '保温杯', category: 'daily_goods' },
      endAt: new Date(now().getTime() - 3600_000),
      spanDays: 10,
      consumerId: consumer,
      description: templated,
      problemType: 'false_advertising',
    });

  it('queues nothing for 7 templated complaints, and queues the 8th against 5 merchants with evidence', async () => {
    const consumer = String(consumerOf(world));
    const stores = await merchantStores(['330106', '330108', '330105', '330102', '330110'], 'ab');
    const specs = templatedSpecs(stores, consumer);
    await insertSynthetic(specs.slice(1), now());
    expect(await reviewConsumer(consumer)).to.equal(null);
    expect((await hz.get('/abuse-reviews')).body.items).to.deep.equal([]);
    await insertSynthetic(specs.slice(0, 1), now());
    expect(await reviewConsumer(consumer)).to.not.equal(null);
    const list = await hz.get('/abuse-reviews');
    expect(list.body.items).to.have.length(1);
    expect(list.body.items[0].evidence).to.include({ complaintCount: 8, merchantCount: 5, templateShare: 1 });
    expect(list.body.items[0].evidence.complaintIds).to.have.length(8);
    // Nothing is blocked: the consumer still files.
    const c = await signedIn(srv.url, DEMO.consumer);
    const store = world.stores.find((s) => s.countyCode === '330106')!;
    const filed = await c.post('/complaints', {
      storeId: String(store._id),
      product: { name: '水杯', category: 'daily_goods' },
      purchase: { date: '2026-01-10', amountFen: 100, channel: 'in_store' },
      problemType: 'quality',
      description: '破损',
      demand: { type: 'refund' },
      contactAgreement: false,
    });
    expect(filed.status, filed.text).to.equal(201);
  });

  it('lets a regulator of the region decide once; other regions see nothing', async () => {
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.get('/abuse-reviews')).body.items).to.deep.equal([]);
    const id = (await hz.get('/abuse-reviews')).body.items[0].id;
    expect((await yw.post(`/abuse-reviews/${id}/decision`, { decision: 'confirmed', note: 'x' })).status).to.equal(404);
    expect((await hz.post(`/abuse-reviews/${id}/decision`, { decision: 'maybe', note: 'x' })).status).to.equal(400);
    const ok = await hz.post(`/abuse-reviews/${id}/decision`, { decision: 'cleared', note: '系正常维权' });
    expect(ok.status, ok.text).to.equal(200);
    expect(ok.body.status).to.equal('cleared');
    expect((await hz.post(`/abuse-reviews/${id}/decision`, { decision: 'confirmed', note: 'again' })).status).to.equal(409);
    expect((await hz.get('/abuse-reviews?status=cleared')).body.items).to.have.length(1);
  });

  it('links only the complaints a bureau may open: a county its own, the province all', async () => {
    const consumer = String(new mongoose.Types.ObjectId());
    const stores = await merchantStores(['330106', '330108', '330105', '330102', '330782'], 'ac');
    const specs = templatedSpecs(stores, consumer);
    await insertSynthetic(specs, now());
    const id = String(await reviewConsumer(consumer));
    const yiwu = (await ComplaintFactModel.find({ consumerId: consumer, countyCode: '330782' }, { complaintId: 1 }).lean()).map((f) =>
      String(f.complaintId),
    );
    expect(yiwu).to.not.be.empty;
    const [yw, zj] = await Promise.all([signedIn(srv.url, DEMO.regulatorYw), signedIn(srv.url, DEMO.regulatorZj)]);
    const review = async (c: ApiClient) => (await c.get('/abuse-reviews')).body.items.find((r: { id: string }) => r.id === id);
    const county = await review(yw);
    expect(county.evidence.complaintIds).to.have.length(8);
    expect(county.evidence.openableIds).to.have.members(yiwu);
    expect(county.evidence).to.not.have.property('complaintCounties');
    for (const c of county.evidence.complaintIds) expect((await yw.get(`/complaints/${c}`)).status).to.equal(yiwu.includes(c) ? 200 : 404);
    expect((await review(zj)).evidence.openableIds).to.deep.equal(county.evidence.complaintIds);
    // A review recorded before the evidence named each complaint's county: all of them or none.
    const stored = (await AbuseReviewModel.findById(id).lean())!.evidence as Record<string, unknown>;
    delete stored.complaintCounties;
    await AbuseReviewModel.updateOne({ _id: id }, { $set: { evidence: stored } });
    expect((await review(yw)).evidence.openableIds).to.deep.equal([]);
    expect((await review(zj)).evidence.openableIds).to.have.length(8);
  });
});

describe('product merge', () => {
  let srv: TestServer;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
  });
  after(() => srv.stop());

  it('moves complaints to the survivor, keeps the history, and routes the old spelling there', async () => {
    const world = await freshWorld();
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const stores = await merchantStores(['330106'], 'mg');
    const endAt = new Date(now().getTime() - 3600_000);
    await plant({
      stores,
      count: 2,
      product: { name: '电水壶', category: 'household_appliance', brand: '美家', model: 'K-1' },
      endAt,
      spanDays: 5,
      consumerId: consumerOf(world),
    });
    await plant({
      stores,
      count: 3,
      product: { name: '电水壶', category: 'household_appliance', brand: '美佳', model: 'K-1' },
      endAt,
      spanDays: 5,
      consumerId: consumerOf(world),
    });
    const from = await resolveProduct({ name: '电水壶', category: 'household_appliance', brand: '美家', model: 'K-1' });
    const into = await resolveProduct({ name: '电水壶', category: 'household_appliance', brand: '美佳', model: 'K-1' });
    const r = await hz.post('/products/merge', { fromId: String(from!._id), intoId: String(into!._id), note: '同一产品，品牌录入错误' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body.moved).to.deep.equal({ complaints: 2, samplings: 0 });
    expect(await ComplaintFactModel.countDocuments({ productId: into!._id })).to.equal(5);
    expect((await hz.post('/products/merge', { fromId: String(from!._id), intoId: String(into!._id) })).status).to.equal(409);
    expect((await hz.post('/products/merge', { fromId: String(into!._id), intoId: String(into!._id) })).status).to.equal(422);
    const shown = await hz.get(`/products/${into!._id}`);
    expect(shown.body.complaintCount).to.equal(5);
    expect(shown.body.merges[0]).to.include({ fromId: String(from!._id), note: '同一产品，品牌录入错误' });
    // The volume rule now sees five complaints on one product.
    expect(shown.body.flags[0].rules).to.include('volume');
    const again = await resolveProduct({ name: '电水壶', category: 'household_appliance', brand: '美家', model: 'k 1' });
    expect(String(again!._id)).to.equal(String(into!._id));
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.post('/products/merge', { fromId: String(into!._id), intoId: String(from!._id) })).status).to.equal(404);
  });
});
