// Notification settings through the real fan-out, the real outbox and a real SMTP server: a kind set
// to in-app only sends no mail, a kind set to digest sends one mail per day in the user's language,
// once even when the job runs again after a restart, and a regulator's subscription delivers a
// filing outside its jurisdiction.
import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { freePort } from '../../server/db/ferretdb.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { deliverOutbox } from '../../server/mail/outbox.js';
import { configureMail } from '../../server/mail/transport.js';
import { NotificationModel } from '../../server/models/Notification.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { smtpDown, smtpUp, type SmtpMessage } from '../helpers/smtp.js';

// Monday 2 March 2026, 10:00 in Shanghai.
const DAY1 = new Date('2026-03-02T02:00:00Z');
const DAY2 = new Date('2026-03-03T01:00:00Z');

describe('notification settings: delivery per kind of event, daily digest, subscriptions', function () {
  this.timeout(120_000);
  let world: DemoWorld;
  let srv: TestServer;
  let smtp: Awaited<ReturnType<typeof smtpUp>>;
  const received: SmtpMessage[] = [];
  let consumer: ApiClient;
  let merchant: ApiClient;
  let shop: ApiClient;

  /** Delivers what the outbox holds and returns the mails that arrived since the last call. */
  let seen = 0;
  async function delivered(at: Date): Promise<SmtpMessage[]> {
    await effectsSettled();
    const before = received.length;
    const { sent } = await deliverOutbox(at);
    // smtp-server hands a message over once acknowledged, so each sent mail has arrived.
    expect(received.length - before).to.equal(sent);
    const fresh = received.slice(seen);
    seen = received.length;
    return fresh;
  }
  const to = (mails: SmtpMessage[], email: string) => mails.filter((m) => m.to.includes(email));

  before(async () => {
    world = await freshWorld();
    testClock.set(DAY1);
    const port = await freePort();
    smtp = await smtpUp(port, (m) => received.push(m));
    configureMail({ smtpUrl: `smtp://127.0.0.1:${port}` });
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    shop = await signedIn(srv.url, DEMO.shop);
  });
  after(async () => {
    testClock.reset();
    configureMail({ smtpUrl: undefined });
    await srv?.stop();
    if (smtp) await smtpDown(smtp);
  });

  it('lists the kinds of event of the role with mail at once by default, and refuses a kind of another role', async () => {
    const r = await merchant.get('/notification-settings');
    expect(r.status, r.text).to.equal(200);
    expect(r.body.deliveries.map((d: { kind: string }) => d.kind))
      .to.include('new_complaints')
      .and.not.include('assignments');
    expect(r.body.deliveries.every((d: { delivery: string }) => d.delivery === 'mail')).to.equal(true);
    expect(r.body.canSubscribe).to.equal(false);
    const foreign = await merchant.request('PUT', '/notification-settings', { deliveries: { assignments: 'app' } });
    expect(foreign.status).to.equal(422);
    expect((await merchant.request('PUT', '/notification-settings', { deliveries: { messages: 'fax' } })).status).to.equal(400);
  });

  it('in-app only: the fan-out notifies in the app and mails nobody who chose it, the others as before', async () => {
    const set = await merchant.request('PUT', '/notification-settings', { deliveries: { new_complaints: 'app' } });
    expect(set.status, set.text).to.equal(200);
    expect(set.body.deliveries.find((d: { kind: string }) => d.kind === 'new_complaints').delivery).to.equal('app');
    const c = await fileVia(consumer, filing(world, '330106'));
    const mails = await delivered(DAY1);
    expect(to(mails, DEMO.consumer), 'the consumer, mail at once').to.have.length(1);
    expect(to(mails, DEMO.merchant), 'the merchant chose in-app only').to.have.length(0);
    const merchantId = world.users.get(DEMO.merchant)!._id;
    expect(await NotificationModel.countDocuments({ userId: merchantId, complaintId: c.id })).to.equal(1);
  });

  it('digest: one mail the next day listing the day’s notices in the user’s language, once even after a restart', async () => {
    expect((await shop.patch('/auth/me', { locale: 'en' })).status).to.equal(200);
    expect((await shop.request('PUT', '/notification-settings', { deliveries: { new_complaints: 'digest' } })).status).to.equal(200);
    const yiwuShop = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    const filed = [];
    for (let i = 0; i < 2; i++) filed.push(await fileVia(consumer, { ...filing(world), storeId: String(yiwuShop._id) }));
    expect(to(await delivered(DAY1), DEMO.shop), 'no mail at once').to.have.length(0);
    // The day has not ended: nothing yet.
    expect(await runJob('notification-digest', DAY1)).to.equal(0);
    expect(to(await delivered(DAY1), DEMO.shop)).to.have.length(0);

    testClock.set(DAY2);
    // Two runs at once (two instances): one digest.
    const runs = (await Promise.all([runJob('notification-digest', DAY2), runJob('notification-digest', DAY2)])) as number[];
    expect(runs.reduce((a, b) => a + b, 0)).to.equal(1);
    const digest = to(await delivered(DAY2), DEMO.shop);
    expect(digest).to.have.length(1);
    const raw = digest[0]!.raw.replace(/=\r?\n/g, '');
    expect(raw).to.match(/Subject: .*Fangxin/);
    expect(raw).to.include('2026-03-02');
    for (const c of filed) expect(raw).to.include(c.number);

    // A restart: a new server and the job again, as its scheduler would after start.
    await srv.stop();
    srv = await startTestServer();
    // Sessions live in the database: the same clients go on against the new server.
    for (const c of [consumer, merchant, shop]) c.baseUrl = srv.url;
    expect(await runJob('notification-digest', DAY2)).to.equal(0);
    expect(to(await delivered(DAY2), DEMO.shop), 'a second digest of the same day').to.have.length(0);
    testClock.set(DAY1);
  });

  it('a subscription delivers a filing outside the regulator’s jurisdiction (and not without it)', async () => {
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    const ywId = world.users.get(DEMO.regulatorYw)!._id;
    // Before subscribing, a normal Hangzhou complaint tells Yiwu nothing.
    const before = await fileVia(consumer, filing(world, '330106'));
    await effectsSettled();
    expect(await NotificationModel.countDocuments({ userId: ywId, complaintId: before.id })).to.equal(0);

    const sub = await yw.post('/notification-subscriptions', { target: 'merchant', value: String(world.chain._id) });
    expect(sub.status, sub.text).to.equal(201);
    expect(sub.body.subscriptions).to.deep.equal([
      { key: `merchant:${String(world.chain._id)}`, target: 'merchant', value: String(world.chain._id), label: world.chain.name },
    ]);
    const c = await fileVia(consumer, filing(world, '330106'));
    // (Repeated filings of one product may also raise a problem-product flag to the bureaus: not this test's mail.)
    const mails = to(await delivered(DAY1), DEMO.regulatorYw).filter((m) => m.raw.replace(/=\r?\n/g, '').includes(c.number));
    expect(mails, 'mail at once').to.have.length(1);
    const n = await NotificationModel.findOne({ userId: ywId, complaintId: c.id }).lean();
    expect(n?.kind).to.equal('subscribed_filed');
    // Outside its jurisdiction the notice opens the merchant's public profile, not the complaint (404 to it).
    expect(n?.link).to.equal(`/merchants/${String(world.chain._id)}`);
    expect((await yw.get(`/complaints/${c.id}`)).status).to.equal(404);

    const off = await yw.request('DELETE', `/notification-subscriptions/${encodeURIComponent(`merchant:${String(world.chain._id)}`)}`);
    expect(off.status, off.text).to.equal(200);
    expect(off.body.subscriptions).to.deep.equal([]);
    const after = await fileVia(consumer, filing(world, '330106'));
    await effectsSettled();
    expect(await NotificationModel.countDocuments({ userId: ywId, complaintId: after.id })).to.equal(0);
  });
});
