// Store staff: invited by headquarters to one store, they see and act on that store's complaints and
// returns only, hear only of them, and manage nothing; headquarters still sees every store.
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { NotificationModel } from '../../server/models/Notification.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { invitedClient } from '../helpers/accounts.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, connected, nextEvent, signedIn } from '../helpers/http.js';
import { chainStores, product } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const respond = { responseType: 'accepted', remedy: { type: 'refund', amountFen: 12900 }, messageToConsumer: '同意退款' };
const today = () => new Date().toISOString().slice(0, 10);

describe('store staff see and act on their own store only', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let hq: ApiClient;
  let consumer: ApiClient;
  let staff: ApiClient;
  let staffId: string;
  let ids: ReturnType<typeof chainStores>;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    ids = chainStores(world);
    hq = await signedIn(srv.url, DEMO.merchant);
    consumer = await signedIn(srv.url, DEMO.consumer);
    ({ client: staff, id: staffId } = await invitedClient(hq, {
      email: 'xihu.staff@example.com',
      name: '西湖店 店长',
      storeId: ids.hzXihu,
    }));
  });
  after(() => srv.stop());

  it('signs in as staff of one store, named in the session', async () => {
    const me = await staff.get('/auth/me');
    expect(me.body.user).to.include({ role: 'merchant', storeId: ids.hzXihu, orgId: String(world.chain._id), status: 'active' });
    expect(me.body.user.storeName).to.contain('杭州西湖');
    const stores = await staff.get('/merchant/stores');
    expect(stores.body.items.map((s: { id: string }) => s.id)).to.deep.equal([ids.hzXihu]);
    expect(stores.body.counts).to.deep.equal({ open: 1, closed: 0 });
  });

  it('lists, opens and answers only its store’s complaints; headquarters sees both stores', async () => {
    const own = await fileVia(consumer, filing(world, '330106'));
    const other = await fileVia(consumer, filing(world, '330108'));
    const list = await staff.get('/complaints?limit=100');
    expect(list.status).to.equal(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).to.deep.equal([own.id]);
    expect((await staff.get(`/complaints/${other.id}`)).status).to.equal(404);
    expect(
      (await staff.post(`/complaints/${other.id}/transitions`, { action: 'respond', expectedVersion: other.version, ...respond })).status,
    ).to.equal(404);
    const answered = await act(staff, own.id, 'respond', respond);
    expect(answered.status, answered.text).to.equal(200);
    expect(answered.body.status).to.equal('merchant_responded');
    const hqList = (await hq.get('/complaints?limit=100')).body.items.map((c: { id: string }) => c.id);
    expect(hqList).to.include.members([own.id, other.id]);
  });

  it('is notified and hears live only of its own store’s complaints', async () => {
    const socket: Socket = staff.socket();
    try {
      await connected(socket);
      const heard = nextEvent(socket, 'complaint:created');
      const other = await fileVia(consumer, filing(world, '330108'));
      const own = await fileVia(consumer, filing(world, '330106'));
      expect((await heard).id, 'the first event heard is its own store’s').to.equal(own.id);
      // The live event goes out first; the notifications follow it after the answer.
      await effectsSettled();
      expect(await NotificationModel.countDocuments({ userId: staffId, complaintId: other.id })).to.equal(0);
      expect(await NotificationModel.countDocuments({ userId: staffId, complaintId: own.id })).to.equal(1);
      expect(await NotificationModel.countDocuments({ userId: world.users.get(DEMO.merchant)!._id, complaintId: other.id })).to.equal(1);
    } finally {
      socket.close();
    }
  });

  it('records returns at its own desk only and lists only them', async () => {
    const own = await staff.post('/return-requests', {
      purchaseStoreId: ids.hzBinjiang,
      returnStoreId: ids.hzXihu,
      purchaseDate: today(),
      amountFen: 5000,
      product: product(),
    });
    expect(own.status, own.text).to.equal(201);
    const elsewhere = await staff.post('/return-requests', {
      purchaseStoreId: ids.hzXihu,
      returnStoreId: ids.hzBinjiang,
      purchaseDate: today(),
      amountFen: 5000,
      product: product(),
    });
    expect(elsewhere.status).to.equal(422);
    const atBinjiang = await hq.post('/return-requests', {
      purchaseStoreId: ids.nbHaishu,
      returnStoreId: ids.hzBinjiang,
      purchaseDate: today(),
      amountFen: 3000,
      product: product(),
    });
    expect(atBinjiang.status).to.equal(201);
    const list = await staff.get('/return-requests?limit=100');
    expect(list.body.items.map((r: { id: string }) => r.id)).to.deep.equal([own.body.id]);
    expect((await staff.get(`/return-requests/${atBinjiang.body.id}`)).status).to.equal(404);
    expect(
      (await staff.post(`/return-requests/${atBinjiang.body.id}/outcome`, { outcome: 'refused', reason: '不是本店' })).status,
    ).to.equal(404);
    const honored = await staff.post(`/return-requests/${own.body.id}/outcome`, {
      outcome: 'honored',
      refundedAt: new Date().toISOString(),
      amountFen: 5000,
    });
    expect(honored.status, honored.text).to.equal(200);
    const figures = await staff.get('/analytics/returns');
    expect(figures.body.filter.storeId).to.equal(ids.hzXihu);
    expect(figures.body.requests).to.equal(1);
  });

  it('manages nothing: no stores, commitments, staff or audit', async () => {
    expect((await staff.post('/stores', { name: '店员开店', countyCode: '330106', address: '某路' })).status).to.equal(403);
    expect((await staff.patch(`/stores/${ids.hzXihu}`, { name: '改名' })).status).to.equal(403);
    expect((await staff.post(`/stores/${ids.hzXihu}/close`)).status).to.equal(403);
    expect(
      (
        await staff.post('/return-commitments', {
          scope: 'store',
          storeIds: [ids.hzXihu],
          windowDays: 7,
          conditions: '完好',
          refundWithinHours: 24,
        })
      ).status,
    ).to.equal(403);
    expect((await staff.get('/users')).status).to.equal(403);
    expect((await staff.post('/users/invitations', { name: 'x', email: 'x@example.com' })).status).to.equal(403);
    expect((await staff.get('/audit/accounts')).status).to.equal(403);
  });

  it('headquarters invites to all stores (HQ) and refuses another merchant’s or a closed store', async () => {
    const hqStaff = await invitedClient(hq, { email: 'hq.staff@example.com', name: '总部 客服' });
    expect((await hqStaff.client.get('/auth/me')).body.user.storeId).to.equal(undefined);
    expect((await hqStaff.client.get('/merchant/stores')).body.counts.open).to.equal(7);
    expect((await hq.post('/users/invitations', { name: 'x', email: 'x1@example.com', storeId: ids.shop })).status).to.equal(404);
    expect((await hq.post(`/stores/${ids.wenzhou}/close`)).status).to.equal(200);
    const closed = await hq.post('/users/invitations', { name: 'x', email: 'x2@example.com', storeId: ids.wenzhou });
    expect(closed.status).to.equal(422);
    expect(closed.body.error.code).to.equal('store_closed');
    expect((await hq.post('/users/invitations', { name: 'x', email: 'x3@example.com', regionCode: '3301' })).status).to.equal(400);
    expect((await hq.post('/users/invitations', { name: 'x', email: 'x4@example.com', role: 'admin' })).status).to.equal(403);
    const list = await hq.get('/users');
    expect(list.body.items.map((u: { email: string }) => u.email)).to.include.members([
      'xihu.staff@example.com',
      'hq.staff@example.com',
      DEMO.merchant,
    ]);
    expect(
      list.body.items.every((u: { role: string; orgId: string }) => u.role === 'merchant' && u.orgId === String(world.chain._id)),
    ).to.equal(true);
    const anon = new ApiClient(srv.url);
    expect((await anon.get('/users')).status).to.equal(401);
  });
});
