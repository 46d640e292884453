// A complaint the merchant said does not concern it, redirected by the consumer to another merchant's
// store, counts for the new merchant's credit and no longer for the first's: its fact moves with it
// (merchant, store, county), both merchants' credit is recomputed, and the product's top-list counts
// move to the new county. The redirect's effects run again after a crash: a repeat changes nothing.
// Facts redirected before this moved are moved once at start.
import { expect } from 'chai';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { publish, subscribe, subscription, unsubscribe, type ComplaintRoute } from '../../server/events/bus.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { backfillRedirectedFacts } from '../../server/products/backfill.js';
import { merchantCredit, refreshMerchantCredit } from '../../server/products/credit.js';
import { refreshComplaint } from '../../server/products/facts.js';
import { productSubscriptions } from '../../server/products/subscriptions.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('a redirected complaint in the credit inputs', function () {
  this.timeout(120_000);
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, shop: ApiClient;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    shop = await signedIn(srv.url, DEMO.shop);
  });
  after(() => srv?.stop());

  type Credit = { figures: Record<string, number | null>; at: number };
  const stored = async (merchantId: unknown): Promise<Credit> => {
    const c = (await MerchantCreditModel.findById(merchantId).lean())!;
    return { figures: c.figures as Record<string, number | null>, at: new Date(c.at).getTime() };
  };
  const listed = async (client: ApiClient, id: string) => {
    const r = await client.get('/credit/inputs?limit=100');
    expect(r.status, r.text).to.equal(200);
    return r.body.items.some((i: { complaintId: string }) => i.complaintId === id);
  };
  const productScopes = async () =>
    (await rebuildProjections({ write: false })).scopesDiffering.filter((s) => /^t[wd]:products:/.test(s.scope));

  /**
   * The complaint is in the second merchant's credit inputs, not the first's; both credits stored
   * are recomputed (one complaint fewer, one more) and the product's top lists count it where its fact is.
   */
  const movedFromTo = async (id: string, before: [Credit, Credit]) => {
    const [a, b] = [String(world.chain._id), String(world.shop._id)];
    expect(await listed(merchant, id)).to.equal(false);
    expect(await listed(shop, id)).to.equal(true);
    const after = [await stored(a), await stored(b)] as const;
    expect(after[0].figures.complaints180d).to.equal(before[0].figures.complaints180d! - 1);
    expect(after[1].figures.complaints180d).to.equal(before[1].figures.complaints180d! + 1);
    expect(after[0].figures).to.deep.equal((await merchantCredit(a)).figures);
    expect(after[1].figures).to.deep.equal((await merchantCredit(b)).figures);
    expect(await productScopes()).to.deep.equal([]);
    return after;
  };

  it('moves to the new merchant, both credits recomputed, and a replay changes nothing', async () => {
    const [a, b] = [String(world.chain._id), String(world.shop._id)];
    const c = await fileVia(consumer, filing(world));
    await effectsSettled();
    await Promise.all([refreshMerchantCredit(a), refreshMerchantCredit(b)]);
    const [beforeA, beforeB] = [await stored(a), await stored(b)];
    expect(await listed(merchant, c.id)).to.equal(true);
    expect(await listed(shop, c.id)).to.equal(false);

    expect((await act(merchant, c.id, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店商品' })).status).to.equal(200);
    const yiwuShop = world.stores.find((s) => String(s.merchantId) === b)!;
    const r = await act(consumer, c.id, 'redirect', { storeId: String(yiwuShop._id) });
    expect(r.status, r.text).to.equal(200);
    await effectsSettled();

    const fact = (await ComplaintFactModel.findById(c.id).lean())!;
    expect({ merchantId: String(fact.merchantId), storeId: String(fact.storeId) }).to.deep.equal({
      merchantId: b,
      storeId: String(yiwuShop._id),
    });
    expect(fact).to.include({ countyCode: '330782', cityCode: '3307', provinceCode: '33' });
    expect(fact.productId, 'a product whose top lists move').to.exist;
    const [afterA, afterB] = await movedFromTo(c.id, [beforeA, beforeB]);

    const e = (await ComplaintEventModel.findOne({ complaintId: c.id, action: 'redirect' }).lean())!;
    const replay = () =>
      publish('complaint.transitioned', {
        complaintId: c.id,
        action: 'redirect',
        from: String(e.from),
        to: e.to,
        seq: e.seq,
        route: (e.data as { route: ComplaintRoute }).route,
      });
    await replay();
    // A run cut short between the counts' move and the fact's: its repeat adds the counts once.
    await ComplaintFactModel.updateOne({ _id: fact._id }, { $set: { countyCode: '330106', cityCode: '3301' } });
    await replay();
    expect((await ComplaintFactModel.findById(c.id).lean())!).to.deep.equal(fact);
    expect((await stored(a)).figures).to.deep.equal(afterA.figures);
    expect((await stored(b)).figures).to.deep.equal(afterB.figures);
    expect(await productScopes()).to.deep.equal([]);
    expect(await listed(merchant, c.id)).to.equal(false);
    expect(await listed(shop, c.id)).to.equal(true);
  });

  it('moves, once at start, the fact of a complaint redirected before a redirect moved it', async () => {
    const [a, b] = [String(world.chain._id), String(world.shop._id)];
    const c = await fileVia(consumer, filing(world));
    expect((await act(merchant, c.id, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店商品' })).status).to.equal(200);
    // Redirected as before a redirect moved the fact: its transitions refreshed the status figures alone.
    const moves = productSubscriptions.find((x) => x.event === 'complaint.transitioned')!;
    const statusOnly = subscription('complaint.transitioned', ({ complaintId, to, reads }) => refreshComplaint(complaintId, to, reads));
    unsubscribe(moves);
    subscribe(statusOnly);
    try {
      const yiwuShop = world.stores.find((s) => String(s.merchantId) === b)!;
      expect((await act(consumer, c.id, 'redirect', { storeId: String(yiwuShop._id) })).status).to.equal(200);
      await effectsSettled();
    } finally {
      unsubscribe(statusOnly);
      subscribe(moves);
    }
    expect(String((await ComplaintFactModel.findById(c.id).lean())!.merchantId)).to.equal(a);
    await Promise.all([refreshMerchantCredit(a), refreshMerchantCredit(b)]);
    const [beforeA, beforeB] = [await stored(a), await stored(b)];
    expect(await productScopes()).to.deep.equal([]);

    await JobRunModel.deleteOne({ key: 'backfill:redirected-facts-v1' });
    expect(await backfillRedirectedFacts()).to.be.greaterThan(0);
    expect(await backfillRedirectedFacts()).to.equal(0);
    const moved = (await ComplaintFactModel.findById(c.id).lean())!;
    expect({ merchantId: String(moved.merchantId), county: moved.countyCode }).to.deep.equal({ merchantId: b, county: '330782' });
    await movedFromTo(c.id, [beforeA, beforeB]);
  });
});
