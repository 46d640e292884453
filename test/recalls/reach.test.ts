import { expect } from 'chai';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import { now, testClock } from '../../server/clock.js';
import { detectAll } from '../../server/commands/detectFlags.js';
import { mergeProducts } from '../../server/commands/mergeProducts.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { ProductModel } from '../../server/models/Product.js';
import { RecallModel } from '../../server/models/Recall.js';
import { RecallNoticeModel } from '../../server/models/RecallNotice.js';
import { SamplingResultModel } from '../../server/models/SamplingResult.js';
import { toActor } from '../../server/policies/actor.js';
import { runReach } from '../../server/recalls/reach.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import type { RecallReach } from '../../shared/schemas/recalls.js';
import { ApiClient, DEMO, connected, signedIn } from '../helpers/http.js';
import { consumerOf, merchantStores, plant } from '../helpers/products.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WARMER = { name: '充电暖手宝', category: 'electric_hand_warmer', gtin: '6901234567892', brand: '暖芯', model: 'NX-2000' };

/** Resolves with the first `recall:reach` the socket hears that passes `done` (no clock: mocha's timeout bounds it). */
function reachWhere(socket: Socket, done: (r: RecallReach) => boolean): Promise<RecallReach> {
  return new Promise((resolve) => {
    const on = (r: RecallReach) => {
      if (!done(r)) return;
      socket.off('recall:reach', on);
      resolve(r);
    };
    socket.on('recall:reach', on);
  });
}

async function registerConsumer(url: string, tag: string): Promise<{ client: ApiClient; id: string }> {
  const client = new ApiClient(url);
  await client.fetchCsrf();
  const email = `recall-${tag}@example.com`;
  const r = await client.post('/auth/register', { name: `召回${tag}`, email, password: 'long-enough-pw' });
  expect(r.status, r.text).to.equal(201);
  await client.login(email, 'long-enough-pw');
  return { client, id: (await client.get('/auth/me')).body.user.id };
}

describe('recall notices reach exactly the consumers and merchants concerned', function () {
  this.timeout(120_000);
  let world: DemoWorld;
  let srv: TestServer;
  let hz: ApiClient;
  let recallId: string;
  const expected = { consumers: [] as string[], merchants: [] as string[] };
  let bystanderConsumer: string;
  let shopClient: ApiClient;
  let chainClient: ApiClient;
  let complainant: ApiClient;

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    const [a, b, returner, bystander] = await Promise.all(['a', 'b', 'r', 'x'].map((t) => registerConsumer(srv.url, t)));
    complainant = a!.client;
    bystanderConsumer = bystander!.id;
    const chainStore = world.stores.find((s) => String(s.merchantId) === String(world.chain._id) && s.countyCode === '330106')!;
    const chainRef = {
      _id: chainStore._id,
      merchantId: world.chain._id,
      merchantName: world.chain.name,
      name: chainStore.name,
      countyCode: '330106',
    };
    const locals = await merchantStores(['330108', '330105'], 'rc');
    const [producer, bystanderShop] = await merchantStores(['330106', '330110'], 'rp');
    const endAt = new Date(now().getTime() - 3600_000);
    // Five complaints at three Hangzhou merchants (the flag), and one spelled otherwise, merged in later.
    await plant({ stores: [chainRef, ...locals], count: 5, product: WARMER, endAt, spanDays: 10, consumerId: a!.id });
    const alias = { name: '暖手宝', category: 'electric_hand_warmer', brand: '暖芯', model: 'NX2000 plus' };
    await plant({ stores: [locals[0]!], count: 1, product: alias, endAt, spanDays: 1, consumerId: b!.id });
    // Not concerned: another product of the same merchants and a bystander.
    await plant({
      stores: [bystanderShop!],
      count: 1,
      product: { ...alias, model: 'OTHER-1' },
      endAt,
      spanDays: 1,
      consumerId: bystander!.id,
    });
    await plant({
      stores: [chainRef],
      count: 1,
      product: { ...alias, model: 'OTHER-2' },
      endAt,
      spanDays: 1,
      consumerId: consumerOf(world),
    });
    await detectAll();
    const product = (await ProductModel.findOne({ gtin: WARMER.gtin }).lean())!;
    const aliasProduct = (await ProductModel.findOne({ model: alias.model }).lean())!;
    await mergeProducts(toActor(world.users.get(DEMO.regulatorZj)! as never), {
      fromId: String(aliasProduct._id),
      intoId: String(product._id),
    });
    // A sampling record of the product names its producer, a registered merchant.
    await SamplingResultModel.create({
      rowKey: `recall-test-${product._id}`,
      productId: product._id,
      productName: WARMER.name,
      category: WARMER.category,
      producer: producer!.merchantName,
      batch: '20260301',
      sampledOn: '2026-03-05',
      passed: false,
      authority: '杭州市市场监督管理局',
      regionCode: '3301',
      importedAt: now(),
    });
    // A return of the product by barcode at the Yiwu shop, by a consumer who never complained.
    const shopStore = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    const ret = await returner!.client.post('/return-requests', {
      purchaseStoreId: String(shopStore._id),
      returnStoreId: String(shopStore._id),
      purchaseDate: '2026-11-20',
      amountFen: 8900,
      product: { name: '暖手宝', category: 'electric_hand_warmer', gtin: WARMER.gtin },
    });
    expect(ret.status, ret.text).to.equal(201);
    expected.consumers = [a!.id, b!.id, returner!.id].sort();
    expected.merchants = [
      String(world.chain._id),
      ...locals.map((s) => String(s.merchantId)),
      String(producer!.merchantId),
      String(world.shop._id),
    ].sort();
    shopClient = await signedIn(srv.url, DEMO.shop);
    chainClient = await signedIn(srv.url, DEMO.merchant);

    const flag = (await hz.get('/product-flags')).body.items.find((f: { productId: string }) => f.productId === String(product._id));
    const c = (await hz.post('/enforcement-cases', { flagId: flag.id, note: '立案' })).body;
    await hz.post(`/enforcement-cases/${c.id}/transitions`, { action: 'investigate', note: '调查' });
    const early = await hz.post(`/enforcement-cases/${c.id}/recall-notice`, notice());
    expect(early.status, early.text).to.equal(409);
    await hz.post(`/enforcement-cases/${c.id}/transitions`, { action: 'recall', note: '启动召回' });

    const socket = hz.socket();
    await connected(socket);
    const complete = reachWhere(socket, (r) => r.complete);
    const published = await hz.post(`/enforcement-cases/${c.id}/recall-notice`, notice());
    expect(published.status, published.text).to.equal(201);
    recallId = published.body.id;
    const figures = await complete;
    expect(figures.consumers).to.deep.equal({ notified: 3, read: 0 });
    expect(figures.merchants.notified).to.equal(5);
    socket.close();
    expect((await hz.post(`/enforcement-cases/${c.id}/recall-notice`, notice())).body.error.code).to.equal('recall_exists');
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  function notice() {
    return {
      batches: ['20260108', '20260215'],
      productionDates: '2026年1月至2月',
      photos: ['https://example.com/nx2000.jpg'],
      hazard: '电池过热，可能起火、烫伤。',
      riskLevel: 'serious',
      consumerActions: ['stop_using', 'refund'],
      remedy: '凭购买凭证或产品到任一销售门店全额退款。',
    };
  }

  async function audit() {
    const notices = await RecallNoticeModel.find({ recallId }).lean();
    const notifications = await NotificationModel.find({ key: `recall:${recallId}` }, { userId: 1 }).lean();
    const mails = await OutboxMailModel.find({ key: `recall:${recallId}` }, { userId: 1 }).lean();
    return {
      consumers: notices
        .filter((n) => n.audience === 'consumer')
        .map((n) => String(n.userId))
        .sort(),
      merchants: notices
        .filter((n) => n.audience === 'merchant')
        .map((n) => String(n.merchantId))
        .sort(),
      notified: notifications.map((n) => String(n.userId)).sort(),
      mailed: mails.map((n) => String(n.userId)).sort(),
    };
  }

  it('notices every consumer and merchant concerned once, and nobody else', async () => {
    const a = await audit();
    expect(a.consumers).to.deep.equal(expected.consumers);
    expect(a.merchants).to.deep.equal(expected.merchants);
    expect(a.consumers).not.to.include(bystanderConsumer);
    expect(a.consumers).not.to.include(String(consumerOf(world)));
    // Accounts: the three consumers and the demo chain's and shop's staff (the test merchants have none).
    const staff = (await Promise.all([DEMO.merchant, DEMO.shop].map((e) => world.users.get(e)!._id))).map(String);
    for (const id of [...expected.consumers, ...staff]) {
      expect(
        a.notified.filter((n) => n === id),
        id,
      ).to.have.length(1);
      expect(
        a.mailed.filter((n) => n === id),
        id,
      ).to.have.length(1);
    }
    expect(new Set(a.notified).size).to.equal(a.notified.length);
  });

  it('is public: the list and the page, signed out, with the sellers named', async () => {
    const anon = new ApiClient(srv.url);
    const list = await anon.get('/public/recalls');
    expect(list.status).to.equal(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).to.deep.equal([recallId]);
    const page = await anon.get(`/public/recalls/${recallId}`);
    expect(page.body).to.include({ riskLevel: 'serious', hazard: '电池过热，可能起火、烫伤。' });
    expect(page.body.product).to.include({ gtin: WARMER.gtin, brand: '暖芯', model: 'NX-2000' });
    expect(page.body.sellers.map((s: { id: string }) => s.id).sort()).to.deep.equal(expected.merchants);
    for (const id of expected.consumers) expect(JSON.stringify(page.body)).not.to.include(id);
  });

  it('counts reads and acknowledgements live; only the bureaus of its regions see the figures', async () => {
    const socket = hz.socket();
    await connected(socket);
    const read = reachWhere(socket, (r) => r.consumers.read === 1);
    const r1 = await complainant.post(`/recalls/${recallId}/read`, {});
    expect(r1.status, r1.text).to.equal(200);
    expect((await read).consumers).to.deep.equal({ notified: 3, read: 1 });
    const acked = reachWhere(socket, (r) => r.merchants.acknowledged === 1);
    const ack = await chainClient.post(`/recalls/${recallId}/acknowledge`, {});
    expect(ack.status, ack.text).to.equal(200);
    expect(ack.body.acknowledgedAt).to.be.a('string');
    const figures = await acked;
    expect(figures.merchants.pending.map((m) => m.id)).not.to.include(String(world.chain._id));
    expect(figures.merchants.pending).to.have.length(4);
    socket.close();
    // A second acknowledgement changes nothing; someone not reached has no notice.
    expect((await chainClient.post(`/recalls/${recallId}/acknowledge`, {})).body.acknowledgedAt).to.equal(ack.body.acknowledgedAt);
    const bystander = await signedIn(srv.url, DEMO.consumer);
    expect((await bystander.post(`/recalls/${recallId}/read`, {})).status).to.equal(404);
    expect((await shopClient.get('/recall-notices')).body.items.map((n: { recallId: string }) => n.recallId)).to.deep.equal([recallId]);
    expect((await (await signedIn(srv.url, DEMO.regulatorYw)).get(`/recalls/${recallId}/reach`)).status).to.equal(404);
    const reach = await hz.get(`/recalls/${recallId}/reach`);
    expect(reach.body).to.deep.include({ complete: true, consumers: { notified: 3, read: 1 } });
    expect(reach.body.merchants).to.include({ notified: 5, acknowledged: 1 });
  });

  it('notices nobody twice after a restart, a crashed run or a second instance', async () => {
    const before = await audit();
    const id = new mongoose.Types.ObjectId(recallId);
    // The process died with the reach unfinished: its claimed attempt is still held.
    await RecallModel.updateOne({ _id: id }, { $set: { reachDone: false } });
    expect(await runJob('recall-reach')).to.deep.equal({ open: 1, ran: 0 });
    // Past the abandonment time the next attempt is claimed, by two instances at once: one runs it.
    testClock.advance(11 * 60_000);
    expect(await runJob('recall-reach')).to.deep.equal({ open: 1, ran: 0 });
    const runs = await Promise.all([runReach(id), runReach(id)]);
    expect(runs.filter(Boolean)).to.have.length(1);
    expect((await RecallModel.findById(id).lean())!.reachDone).to.equal(true);
    expect(await audit()).to.deep.equal(before);
  });
});
