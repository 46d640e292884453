// Abuse limits (issue 14, item 4): 429 with Retry-After per user and per address, counted in the
// database so two instances share them; a cap on concurrent uploads; a lockout the owner can get
// past; equal work for known and unknown emails at sign-in; idle sessions; clean sign-out.
import http from 'node:http';
import argon2 from 'argon2';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { dummyHash, passwordChecks } from '../../server/auth/passwords.js';
import { LoginFailureModel } from '../../server/models/LoginFailure.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { UploadSlotModel } from '../../server/models/UploadSlot.js';
import { UserModel } from '../../server/models/User.js';
import { MAX_CONCURRENT_UPLOADS } from '../../server/http/uploadSlots.js';
import { LIMITS } from '../../server/http/rateLimit.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, signedIn, type Res } from '../helpers/http.js';
import { chainStores, product } from '../helpers/returns.js';
import { freshWorld, startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/server.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function limited(r: Res) {
  expect(r.status, r.text).to.equal(429);
  expect(r.body.error.code).to.equal('rate_limited');
  expect(Number(r.headers.get('retry-after'))).to.be.greaterThan(0);
}

describe('abuse limits', function () {
  this.timeout(120_000);
  let world: DemoWorld;
  let a: TestServer, b: TestServer;

  beforeEach(async () => {
    world = await freshWorld();
  });
  before(async () => {
    // Two instances on one database, with the production limits.
    a = await startTestServer({ rateLimitScale: 1 });
    b = await startTestServer({ rateLimitScale: 1 });
  });
  after(async () => {
    await a.stop();
    await b.stop();
  });

  it('limits messages per user across two instances: 429 with Retry-After once the limit is used up', async () => {
    const onA = await signedIn(a.url, DEMO.consumer);
    const id = (await fileVia(onA, filing(world))).id;
    const onB = new ApiClient(b.url);
    onB.cookies = onA.cookies;
    onB.csrf = onA.csrf;
    const max = LIMITS.message.user.max;
    for (let i = 0; i < max; i++)
      expect((await (i % 2 ? onB : onA).post(`/complaints/${id}/messages`, { body: `第${i}条` })).status).to.equal(201);
    limited(await onB.post(`/complaints/${id}/messages`, { body: 'one too many' }));
    limited(await onA.post(`/complaints/${id}/messages`, { body: 'one too many' }));
  });

  it('limits filings and return requests per user', async () => {
    const consumer = await signedIn(a.url, DEMO.consumer);
    for (let i = 0; i < LIMITS.filing.user.max; i++) await fileVia(consumer, filing(world));
    limited(await consumer.post('/complaints', filing(world)));
    const s = chainStores(world);
    const req = { purchaseStoreId: s.hzXihu, returnStoreId: s.hzXihu, purchaseDate: '2026-01-10', amountFen: 100, product: product() };
    for (let i = 0; i < LIMITS['return-request'].user.max; i++) expect((await consumer.post('/return-requests', req)).status).to.equal(201);
    limited(await consumer.post('/return-requests', req));
  });

  it('limits uploads per user and caps the uploads in progress at once', async () => {
    const consumer = await signedIn(a.url, DEMO.consumer);
    const id = (await fileVia(consumer, filing(world))).id;
    // Slow uploads hold their slots from the moment their headers arrive.
    const open = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => {
      const req = http.request(`${a.url}/api/complaints/${id}/attachments`, {
        method: 'POST',
        headers: {
          cookie: consumer.cookieHeader(),
          'x-csrf-token': consumer.csrf!,
          'content-type': 'multipart/form-data; boundary=b',
          'content-length': '100000',
        },
      });
      req.on('error', () => undefined);
      req.write('--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n');
      return req;
    });
    while ((await UploadSlotModel.countDocuments()) < MAX_CONCURRENT_UPLOADS) await new Promise((r) => setTimeout(r, 50));
    const f = new FormData();
    f.append('file', new Blob([PNG], { type: 'image/png' }), 'a.png');
    limited(await consumer.post(`/complaints/${id}/attachments`, f));
    for (const req of open) req.destroy();
    while ((await UploadSlotModel.countDocuments()) > 0) await new Promise((r) => setTimeout(r, 50));

    const uploaded: Res[] = [];
    // The two slow uploads and the refused one counted too.
    for (let i = 0; i < LIMITS.upload.user.max - MAX_CONCURRENT_UPLOADS - 1; i++) {
      const g = new FormData();
      g.append('file', new Blob([PNG], { type: 'image/png' }), i === 0 ? 'invoice\u202egnp.exe' : `p${i}.png`);
      uploaded.push(await consumer.post(`/complaints/${id}/attachments`, g));
    }
    expect(uploaded.map((r) => r.status)).to.deep.equal(uploaded.map(() => 201));
    // A name that reverses its display direction loses the control character.
    expect(uploaded[0]!.body.name).to.equal('invoicegnp.exe');
    limited(await consumer.post(`/complaints/${id}/attachments`, f));
  });

  it('limits sign-ups per address and expensive operations per user', async () => {
    for (let i = 0; i < LIMITS.signup.address.max; i++) {
      const c = new ApiClient(a.url);
      await c.fetchCsrf();
      expect(
        (await c.post('/auth/register', { name: `新用户${i}`, email: `new${i}@example.com`, password: 'long-enough-password' })).status,
      ).to.equal(201);
    }
    const c = new ApiClient(b.url);
    await c.fetchCsrf();
    limited(await c.post('/auth/register', { name: '又一个', email: 'another@example.com', password: 'long-enough-password' }));

    const regulator = await signedIn(a.url, DEMO.regulatorZj);
    for (let i = 0; i < LIMITS.expensive.user.max - 1; i++) expect((await regulator.get('/complaints/export.csv')).status).to.equal(200);
    expect((await regulator.post('/product-flags/detect')).status).to.equal(200);
    limited(await regulator.get('/analytics/export.csv?kind=summary'));
    limited(await regulator.post('/product-flags/detect'));
  });
});

describe('sign-in: lockout the owner can get past, equal work for unknown emails, sessions', () => {
  let srv: TestServer;

  before(async () => {
    await freshWorld();
    srv = await startTestServer();
  });
  after(() => srv.stop());

  async function lockOut(email: string) {
    const attacker = new ApiClient(srv.url);
    await attacker.fetchCsrf();
    for (let i = 0; i < 5; i++)
      expect((await attacker.post('/auth/login', { email, password: `guess-${i}-password` })).status).to.equal(401);
    const r = await attacker.post('/auth/login', { email, password: DEMO_PASSWORD });
    expect(r.body.error.code).to.equal('account_locked');
  }

  it('lets a browser the account signed in from before sign in while it is locked', async () => {
    const owner = await signedIn(srv.url, DEMO.shop);
    expect((await owner.post('/auth/logout')).status).to.equal(200);
    await lockOut(DEMO.shop);
    await owner.fetchCsrf();
    expect((await owner.post('/auth/login', { email: DEMO.shop, password: DEMO_PASSWORD })).status).to.equal(200);
    // Anyone else is still locked out, also with a forged device cookie.
    const other = new ApiClient(srv.url);
    await other.fetchCsrf();
    other.cookies.set('fangxin.device', `${(await UserModel.findOne({ email: DEMO.shop }).lean())!._id}.forged`);
    expect((await other.post('/auth/login', { email: DEMO.shop, password: DEMO_PASSWORD })).status).to.equal(429);
  });

  it('signs a locked account in once by a mailed single-use link; asking never reveals whether an email is known', async () => {
    await LoginFailureModel.deleteMany({});
    await lockOut(DEMO.merchant);
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    expect((await c.post('/auth/sign-in-link', { email: DEMO.merchant })).status).to.equal(202);
    expect((await c.post('/auth/sign-in-link', { email: 'nobody@example.com' })).status).to.equal(202);
    const mails = await OutboxMailModel.find({ key: /^sign-in-link:/ }).lean();
    expect(mails.map((m) => m.to)).to.deep.equal([DEMO.merchant]);
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(mails[0]!.text)![1]!;
    const r = await c.post('/auth/sign-in-link/redeem', { token });
    expect(r.status, r.text).to.equal(200);
    expect(r.body.user.email).to.equal(DEMO.merchant);
    expect((await c.get('/auth/me')).body.user.email).to.equal(DEMO.merchant);
    // The lock is void for the owner now; the link works once.
    const again = new ApiClient(srv.url);
    await again.fetchCsrf();
    const second = await again.post('/auth/sign-in-link/redeem', { token });
    expect(second.status).to.equal(400);
    expect(second.body.error.code).to.equal('link_invalid');
    expect((await again.post('/auth/login', { email: DEMO.merchant, password: DEMO_PASSWORD })).status).to.equal(200);
  });

  it('checks a password for unknown emails too, against a hash as costly as a real one', async () => {
    await LoginFailureModel.deleteMany({});
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const before = passwordChecks.count;
    expect((await c.post('/auth/login', { email: 'unknown@example.com', password: 'whatever-password' })).status).to.equal(401);
    expect(passwordChecks.count).to.equal(before + 1);
    expect((await c.post('/auth/login', { email: DEMO.admin, password: 'whatever-password' })).status).to.equal(401);
    expect(passwordChecks.count).to.equal(before + 2);
    const real = (await UserModel.findOne({ email: DEMO.admin }).lean())!.passwordHash;
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(await dummyHash())).to.equal(params(real));
    expect(await argon2.verify(await dummyHash(), 'whatever-password')).to.equal(false);
  });

  it('ends idle sessions, caps a sign-in’s age, and clears the cookie on sign-out', async () => {
    const c = await signedIn(srv.url, DEMO.consumer);
    const r = await c.get('/auth/me');
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('fangxin.sid='))!;
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!) - Date.parse(r.headers.get('date')!);
    expect(expires / 60_000).to.be.within(29, 31);
    expect(cookie)
      .to.match(/HttpOnly/)
      .and.to.match(/SameSite=Lax/);

    const sessions = mongoose.connection.db!.collection('sessions');
    const sid = decodeURIComponent(c.cookies.get('fangxin.sid')!).slice(2).split('.')[0]!;
    await sessions.updateOne({ _id: sid as never }, { $set: { expires: new Date(Date.now() - 1000) } });
    expect((await c.get('/auth/me')).status).to.equal(401);

    const d = await signedIn(srv.url, DEMO.consumer);
    const did = decodeURIComponent(d.cookies.get('fangxin.sid')!).slice(2).split('.')[0]!;
    await sessions.updateOne({ _id: did as never }, { $set: { 'session.signedInAt': Date.now() - 13 * 3600 * 1000 } });
    expect((await d.get('/auth/me')).status).to.equal(401);

    const e = await signedIn(srv.url, DEMO.consumer);
    const out = await e.post('/auth/logout');
    const cleared = out.headers.getSetCookie().find((x) => x.startsWith('fangxin.sid='))!;
    expect(cleared)
      .to.match(/^fangxin\.sid=;/)
      .and.to.match(/Expires=Thu, 01 Jan 1970/);
  });
});
