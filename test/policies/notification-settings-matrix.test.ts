import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { ApiClient } from '../helpers/http.js';
import { visibilityFixture } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// Notification settings by role: every signed-in user reads and sets their own deliveries (and only
// the kinds of event of their role); only regulators subscribe, and a subscription may name what lies
// outside their jurisdiction. Signed out: 401.
const SUBSCRIBES: Record<string, boolean> = {
  consumer: false,
  other: false,
  merchant: false,
  shop: false,
  admin: false,
  regulatorHz: true,
  regulatorYw: true,
  regulatorZj: true,
};

describe('notification settings matrix (role)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c: Record<string, ApiClient> = {};

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    Object.assign(c, (await visibilityFixture(srv.url, world)).c);
  });
  after(() => srv.stop());

  it('signed out: 401 everywhere', async () => {
    const anon = new ApiClient(srv.url);
    await anon.fetchCsrf();
    expect((await anon.get('/notification-settings')).status).to.equal(401);
    expect((await anon.request('PUT', '/notification-settings', { deliveries: { messages: 'app' } })).status).to.equal(401);
    expect((await anon.post('/notification-subscriptions', { target: 'region', value: '3302' })).status).to.equal(401);
  });

  for (const [who, subscribes] of Object.entries(SUBSCRIBES)) {
    it(`${who}: sets its own deliveries; ${subscribes ? 'subscribes beyond its jurisdiction' : 'may not subscribe (403)'}`, async () => {
      const api = c[who]!;
      const kind = who === 'admin' ? 'complaint_progress' : 'messages';
      const set = await api.request('PUT', '/notification-settings', { deliveries: { [kind]: 'digest' } });
      expect(set.status, set.text).to.equal(200);
      const read = await api.get('/notification-settings');
      expect(read.body.deliveries.find((d: { kind: string }) => d.kind === kind).delivery).to.equal('digest');
      expect(read.body.canSubscribe).to.equal(subscribes);
      // Ningbo (3302) is outside every demo bureau's jurisdiction but the province's.
      const sub = await api.post('/notification-subscriptions', { target: 'region', value: '3302' });
      const drop = await api.request('DELETE', '/notification-subscriptions/region:3302');
      if (subscribes) {
        expect(sub.status, sub.text).to.equal(201);
        expect(sub.body.subscriptions.map((s: { key: string }) => s.key)).to.deep.equal(['region:3302']);
        expect(drop.status).to.equal(200);
        expect((await api.post('/notification-subscriptions', { target: 'merchant', value: '000000000000000000000000' })).status).to.equal(
          404,
        );
      } else {
        expect(sub.status).to.equal(403);
        expect(drop.status).to.equal(403);
      }
    });
  }

  it("one user's settings are not another's", async () => {
    await c.merchant!.request('PUT', '/notification-settings', { deliveries: { new_complaints: 'app' } });
    const shop = await c.shop!.get('/notification-settings');
    expect(shop.body.deliveries.find((d: { kind: string }) => d.kind === 'new_complaints').delivery).to.equal('mail');
  });
});
