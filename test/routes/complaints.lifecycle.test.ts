import { expect } from 'chai';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const respond = {
  responseType: 'accepted',
  remedy: { type: 'refund', amountFen: 12900 },
  messageToConsumer: '同意退款',
  noteToRegulator: '内部说明',
};

describe('complaint lifecycle over HTTP', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, hz: ApiClient, yw: ApiClient, zj: ApiClient, admin: ApiClient;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    [consumer, merchant, hz, yw, zj, admin] = (await Promise.all(
      [DEMO.consumer, DEMO.merchant, DEMO.regulatorHz, DEMO.regulatorYw, DEMO.regulatorZj, DEMO.admin].map((e) => signedIn(srv.url, e)),
    )) as ApiClient[] as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  });
  after(() => srv.stop());

  async function statusAfter(id: string, steps: [ApiClient, string, Record<string, unknown>?][]) {
    for (const [who, action, extra] of steps) {
      const r = await act(who, id, action, extra);
      expect(r.status, `${action}: ${r.text}`).to.equal(200);
    }
    const r = await consumer.get(`/complaints/${id}`);
    return r.body;
  }

  it('files, and the merchant responds and the consumer accepts: resolved', async () => {
    const c = await fileVia(consumer, filing(world));
    expect(c).to.include({ status: 'awaiting_merchant', version: 1, priority: 'normal' });
    expect(c.allowedActions).to.deep.equal(['withdraw']);
    const m = await merchant.get(`/complaints/${c.id}`);
    expect(m.body.allowedActions).to.deep.equal(['respond']);
    const end = await statusAfter(c.id, [
      [merchant, 'respond', respond],
      [consumer, 'accept_response'],
    ]);
    expect(end.status).to.equal('resolved');
    expect(end.version).to.equal(3);
    expect(end.response).to.not.have.property('noteToRegulator');
    expect(end.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['file', 'respond', 'accept_response']);
    expect(end.remedy).to.include({ type: 'refund', status: 'promised' });
    const rated = await act(consumer, c.id, 'rate', { satisfaction: 5 });
    expect(rated.status).to.equal(200);
    expect(rated.body.rating).to.include({ satisfaction: 5 });
  });

  it('rejected response goes to the bureau, which accepts and mediates successfully', async () => {
    const c = await fileVia(consumer, filing(world));
    const end = await statusAfter(c.id, [
      [merchant, 'respond', { responseType: 'rejected', messageToConsumer: '商品无质量问题' }],
      [consumer, 'reject_response', { reason: '确有质量问题' }],
      [hz, 'accept'],
      [hz, 'mediation_succeeded', { agreement: '退款 129 元' }],
    ]);
    expect(end.status).to.equal('mediated');
    expect(end.outcome).to.include({ kind: 'mediated', agreement: '退款 129 元' });
    // No followed remedy here, so the rating still takes the consumer's word on the agreement being kept.
    const rated = await act(consumer, c.id, 'rate', { satisfaction: 4, promiseKept: true });
    expect(rated.status, rated.text).to.equal(200);
    expect(rated.body.rating).to.include({ satisfaction: 4, promiseKept: true });
  });

  it('mediation can fail; the bureau can decline with an art. 15 reason; the merchant can be not concerned', async () => {
    const a = await fileVia(consumer, filing(world));
    expect(
      (
        await statusAfter(a.id, [
          [merchant, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店商品' }],
          [consumer, 'reject_response', { reason: 'x' }],
          [hz, 'accept'],
          [hz, 'mediation_failed', { reason: '双方分歧' }],
        ])
      ).status,
    ).to.equal('mediation_failed');
    const b = await fileVia(consumer, filing(world));
    const declined = await statusAfter(b.id, [
      [merchant, 'respond', { responseType: 'rejected', messageToConsumer: 'no' }],
      [consumer, 'reject_response', { reason: 'x' }],
      [hz, 'decline', { reasonCode: 'over_three_years' }],
    ]);
    expect(declined.status).to.equal('declined');
    expect(declined.outcome).to.include({ kind: 'declined', reasonCode: 'over_three_years' });
  });

  it('transfers to another county, whose bureau then sees and handles it, and the consumer may withdraw', async () => {
    const c = await fileVia(consumer, filing(world));
    await statusAfter(c.id, [
      [merchant, 'respond', { responseType: 'rejected', messageToConsumer: 'no' }],
      [consumer, 'reject_response', { reason: 'x' }],
    ]);
    expect((await yw.get(`/complaints/${c.id}`)).status).to.equal(404);
    const t = await act(hz, c.id, 'transfer', { toRegion: '330782' });
    expect(t.status).to.equal(200);
    expect(t.body).to.include({ status: 'awaiting_regulator', regulatorRegion: '330782' });
    expect((await yw.get(`/complaints/${c.id}`)).status).to.equal(200);
    expect((await act(hz, c.id, 'accept')).status).to.equal(403);
    expect((await act(yw, c.id, 'accept')).status).to.equal(200);
    expect((await act(consumer, c.id, 'withdraw')).body.status).to.equal('withdrawn');
  });

  it('lets the bureau accept an urgent complaint at once, before the merchant stage ends', async () => {
    const c = await fileVia(
      consumer,
      filing(world, '330106', {
        product: { name: '燃气灶', category: 'gas_appliance' },
        safetyIncident: { kind: 'gas_leak', injured: false, description: '接口漏气' },
      }),
    );
    expect(c.priority).to.equal('urgent');
    const r = await act(zj, c.id, 'accept');
    expect(r.status).to.equal(200);
    expect(r.body.status).to.equal('in_mediation');
  });

  it('answers 409 invalid_transition, 409 version_conflict, 403 for the wrong party, 404 outside visibility', async () => {
    const c = await fileVia(consumer, filing(world));
    const invalid = await act(consumer, c.id, 'accept_response');
    expect(invalid.status).to.equal(409);
    expect(invalid.body.error.code).to.equal('invalid_transition');
    const stale = await merchant.post(`/complaints/${c.id}/transitions`, { action: 'respond', expectedVersion: 7, ...respond });
    expect(stale.status).to.equal(409);
    expect(stale.body.error.code).to.equal('version_conflict');
    expect((await act(consumer, c.id, 'respond', respond)).status).to.equal(403);
    expect((await act(hz, c.id, 'respond', respond)).status).to.equal(403);
    expect((await act(admin, c.id, 'withdraw')).status).to.equal(403);
    const shop = await signedIn(srv.url, DEMO.shop);
    expect((await shop.post(`/complaints/${c.id}/transitions`, { action: 'respond', expectedVersion: 1, ...respond })).status).to.equal(
      404,
    );
    expect(await ComplaintEventModel.countDocuments({ complaintId: c.id })).to.equal(1);
  });

  it('20 parallel responds with one expectedVersion: one 200, nineteen 409, one response event', async () => {
    const c = await fileVia(consumer, filing(world));
    const rs = await Promise.all(
      Array.from({ length: 20 }, () =>
        merchant.post(`/complaints/${c.id}/transitions`, { action: 'respond', expectedVersion: 1, ...respond }),
      ),
    );
    const codes = rs.map((r) => r.status).sort();
    expect(codes.filter((s) => s === 200)).to.have.length(1);
    expect(codes.filter((s) => s === 409)).to.have.length(19);
    expect(rs.filter((r) => r.status === 409).every((r) => r.body.error.code === 'version_conflict')).to.equal(true);
    expect(await ComplaintEventModel.countDocuments({ complaintId: c.id, action: 'respond' })).to.equal(1);
    expect((await consumer.get(`/complaints/${c.id}`)).body.version).to.equal(2);
  });

  it('repairs on read a projection left behind by a crash between event insert and projection write', async () => {
    const c = await fileVia(consumer, filing(world));
    // The event of a withdraw whose projection write never happened.
    await ComplaintEventModel.create({
      complaintId: c.id,
      seq: 2,
      action: 'withdraw',
      from: 'awaiting_merchant',
      to: 'withdrawn',
      party: 'consumer',
      actorId: c.consumerId,
      at: new Date(),
      data: {},
    });
    const blocked = await consumer.post(`/complaints/${c.id}/transitions`, { action: 'withdraw', expectedVersion: 1 });
    expect(blocked.status).to.equal(409);
    const r = await consumer.get(`/complaints/${c.id}`);
    expect(r.body).to.include({ status: 'withdrawn', version: 2 });
    expect(r.body.timeline.map((e: { seq: number }) => e.seq)).to.deep.equal([1, 2]);
  });

  it('lets the consumer redirect a complaint the merchant says does not concern it to the right store', async () => {
    const c = await fileVia(consumer, filing(world));
    const rejected = await statusAfter(c.id, [[merchant, 'respond', { responseType: 'rejected', messageToConsumer: 'no' }]]);
    expect(rejected.allowedActions).to.not.include('redirect');
    const d = await fileVia(consumer, filing(world));
    const nc = await statusAfter(d.id, [[merchant, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店商品' }]]);
    expect(nc.allowedActions).to.include.members(['accept_response', 'reject_response', 'redirect', 'withdraw']);
    const yiwuShop = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    expect((await act(consumer, c.id, 'redirect', { storeId: String(yiwuShop._id) })).status).to.equal(409);
    const r = await act(consumer, d.id, 'redirect', { storeId: String(yiwuShop._id) });
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({
      status: 'awaiting_merchant',
      merchantId: String(world.shop._id),
      countyCode: '330782',
      regulatorRegion: '330782',
    });
    expect(r.body).to.not.have.property('response');
    expect((await merchant.get(`/complaints/${d.id}`)).status).to.equal(404);
    const shop = await signedIn(srv.url, DEMO.shop);
    expect((await shop.get(`/complaints/${d.id}`)).body.allowedActions).to.deep.equal(['respond']);
    expect((await yw.get(`/complaints/${d.id}`)).status).to.equal(200);
    // The events alone give the same document (the new route is in the redirect event).
    expect((await rebuildProjections({ write: false })).differing).to.deep.equal([]);
  });
});
