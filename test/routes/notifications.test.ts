import { expect } from 'chai';
import { now } from '../../server/clock.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { addNotification, unreadScope } from '../../server/notifications/unread.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const MIN = 60_000;

describe('notification unread counts: exact, from deltas and sealed snapshots', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient;
  let consumerId: string;

  const notify = (userId: string, key: string) =>
    addNotification({ userId, key, kind: 'message', title: `通知 ${key}`, link: '/complaints', at: now() });
  const count = async (c: ApiClient) => {
    const r = await c.get('/notifications?limit=1');
    expect(r.status, r.text).to.equal(200);
    return r.body.unreadCount as number;
  };
  const seal = (minutesLater = 10) => runJob('count-seal', new Date(Date.now() + minutesLater * MIN)) as Promise<{ sealed: number }>;

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    consumerId = String(world.users.get(DEMO.consumer)!._id);
    consumer = await signedIn(srv.url, DEMO.consumer);
  });
  after(() => srv.stop());

  it('counts notifications stored before the counts existed, once', async () => {
    const merchantId = world.users.get(DEMO.merchant)!._id;
    await NotificationModel.collection.insertMany([
      {
        userId: merchantId,
        key: 'old:1',
        kind: 'message',
        title: '旧通知',
        body: '',
        link: '/inbox',
        complaintId: null,
        readAt: null,
        at: now(),
      },
      {
        userId: merchantId,
        key: 'old:2',
        kind: 'message',
        title: '旧通知',
        body: '',
        link: '/inbox',
        complaintId: null,
        readAt: now(),
        at: now(),
      },
    ]);
    const merchant = await signedIn(srv.url, DEMO.merchant);
    await seal();
    expect(await count(merchant)).to.equal(1);
    await seal();
    expect(await count(merchant)).to.equal(1);
  });

  it('adds each notification once and counts each read once', async () => {
    for (let i = 0; i < 5; i++) expect(await notify(consumerId, `k${i}`)).to.not.equal(null);
    expect(await notify(consumerId, 'k0')).to.equal(null);
    expect(await count(consumer)).to.equal(5);
    const first = (await consumer.get('/notifications?limit=5')).body.items[0];
    const reads = await Promise.all([consumer.post(`/notifications/${first.id}/read`), consumer.post(`/notifications/${first.id}/read`)]);
    expect(reads.map((r) => r.status)).to.deep.equal([200, 200]);
    expect(await count(consumer)).to.equal(4);
    expect((await consumer.get('/notifications?unread=true')).body.items).to.have.length(4);
  });

  it('keeps the count exact through seals, which leave only recent deltas to read', async () => {
    expect((await seal()).sealed).to.be.greaterThan(0);
    const scope = unreadScope(consumerId);
    expect(await CountDeltaModel.countDocuments({ scope, sealed: false })).to.equal(0);
    expect(await count(consumer)).to.equal(4);
    const kept = await CountDeltaModel.countDocuments({ scope });
    await notify(consumerId, 'k5');
    await notify(consumerId, 'k6');
    // A seal folds the fresh deltas but keeps them (a retried write must still find them).
    await seal(0);
    expect(await CountDeltaModel.countDocuments({ scope, sealed: false })).to.equal(0);
    expect(await CountDeltaModel.countDocuments({ scope })).to.equal(kept + 2);
    expect(await count(consumer)).to.equal(6);
    await seal();
    expect(await count(consumer)).to.equal(6);
    const readAll = await consumer.post('/notifications/read-all', {});
    expect(readAll.status, readAll.text).to.equal(200);
    expect(readAll.body).to.deep.equal({ updated: 6, unreadCount: 0 });
    expect(await count(consumer)).to.equal(0);
    await seal();
    expect(await count(consumer)).to.equal(0);
    await notify(consumerId, 'k7');
    expect(await count(consumer)).to.equal(1);
    const other = await signedIn(srv.url, DEMO.regulatorHz);
    expect(await count(other)).to.equal(0);
  });
});
