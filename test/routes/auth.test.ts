import { expect } from 'chai';
import mongoose from 'mongoose';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { UserModel } from '../../server/models/User.js';
import { OrganizationModel } from '../../server/models/Organization.js';
import { LoginFailureModel } from '../../server/models/LoginFailure.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';

const validCredit = (body: string) => body + creditCodeCheckChar(body);

describe('accounts and sessions', () => {
  let srv: TestServer;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
  });
  after(() => srv.stop());

  it('registers a consumer, signs them in, and shows them via /me', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const r = await c.post('/auth/register', { name: '李四', email: 'Li.Si@Example.com ', password: 'long-enough-pw' });
    expect(r.status).to.equal(201);
    expect(r.body.user).to.include({ email: 'li.si@example.com', role: 'consumer', status: 'active' });
    expect(r.body.user).to.not.have.property('passwordHash');
    const me = await c.get('/auth/me');
    expect(me.status).to.equal(200);
    expect(me.body.user.email).to.equal('li.si@example.com');
    const stored = await UserModel.findOne({ email: 'li.si@example.com' }).lean();
    expect(stored!.passwordHash).to.match(/^\$argon2id\$/);
  });

  it('refuses a short password and a duplicate email with clear errors', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const short = await c.post('/auth/register', { name: 'x', email: 'short@example.com', password: 'short' });
    expect(short.status).to.equal(400);
    expect(short.body.error.code).to.equal('invalid_input');
    expect(short.body.error.details[0]).to.include({ path: 'password' });
    const dup = await c.post('/auth/register', { name: 'x', email: DEMO.consumer, password: 'long-enough-pw' });
    expect(dup.status).to.equal(409);
    expect(dup.body.error.code).to.equal('email_taken');
  });

  it('keeps a merchant pending until a regulator approves, with nothing half-written on a clash', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const creditCode = validCredit('91330106MA2AB1C2D');
    const r = await c.post('/auth/register', {
      name: '王五',
      email: 'wang@shop.example',
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: '西湖茶叶店', creditCode, countyCode: '330106' },
    });
    expect(r.status).to.equal(201);
    expect(r.body.user.status).to.equal('pending');
    const blocked = await c.post('/stores', { name: 'x', countyCode: '330106', address: 'y' });
    expect(blocked.status).to.equal(403);
    expect(blocked.body.error.code).to.equal('account_pending');

    const orgsBefore = await OrganizationModel.countDocuments();
    const c2 = new ApiClient(srv.url);
    await c2.fetchCsrf();
    const dupEmail = await c2.post('/auth/register', {
      name: 'x',
      email: 'wang@shop.example',
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: '另一家', creditCode: validCredit('91330106MA2AB1C3E') },
    });
    expect(dupEmail.status).to.equal(409);
    expect(await OrganizationModel.countDocuments()).to.equal(orgsBefore);

    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.get('/approvals')).body.items.map((i: { email: string }) => i.email)).to.not.include('wang@shop.example');
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const list = await hz.get('/approvals');
    const item = list.body.items.find((i: { email: string }) => i.email === 'wang@shop.example');
    expect(item).to.exist;
    expect((await yw.post(`/approvals/${item.id}`, { decision: 'approve' })).status).to.equal(404);
    const ok = await hz.post(`/approvals/${item.id}`, { decision: 'approve' });
    expect(ok.status).to.equal(200);
    const created = await c.post('/stores', { name: '西湖茶叶店 龙井路店', countyCode: '330106', address: '龙井路 1 号' });
    expect(created.status).to.equal(201);
    expect(created.body.cityCode).to.equal('3301');
  });

  it('rejects a malformed credit code', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const r = await c.post('/auth/register', {
      name: 'x',
      email: 'bad@cc.example',
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: '坏码店', creditCode: '91330106MA2AB1C2DX' },
    });
    expect(r.status).to.equal(400);
    expect(r.body.error.details.some((d: { path: string }) => d.path === 'merchant.creditCode')).to.equal(true);
  });

  it('answers 401 invalid_credentials for a wrong password and an unknown email alike', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const wrong = await c.post('/auth/login', { email: DEMO.shop, password: 'wrong-password' });
    const unknown = await c.post('/auth/login', { email: 'nobody@example.com', password: 'wrong-password' });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body.error.code).to.equal('invalid_credentials');
    expect(unknown.body.error.code).to.equal('invalid_credentials');
  });

  it('regenerates the session id at login and ends the session at logout', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const before = c.cookies.get('fangxin.sid');
    await c.login(DEMO.consumer);
    const after = c.cookies.get('fangxin.sid');
    expect(after).to.be.a('string').and.not.equal(before);
    const out = await c.post('/auth/logout');
    expect(out.status).to.equal(200);
    expect((await c.get('/auth/me')).status).to.equal(401);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const r = await fetch(srv.url + '/api/auth/csrf');
    const set = r.headers.getSetCookie().join(';');
    expect(set).to.match(/fangxin\.sid=/);
    expect(set).to.match(/HttpOnly/i);
    expect(set).to.match(/SameSite=Lax/i);
  });

  it('refuses a state-changing request without or with a wrong CSRF token', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const none = await c.request('POST', '/auth/login', { email: DEMO.consumer, password: 'Fangxin-Demo-2026' }, { 'x-csrf-token': '' });
    expect(none.status).to.equal(403);
    expect(none.body.error.code).to.equal('csrf_invalid');
    const other = new ApiClient(srv.url);
    const foreign = await other.fetchCsrf();
    const wrong = await c.request(
      'POST',
      '/auth/login',
      { email: DEMO.consumer, password: 'Fangxin-Demo-2026' },
      { 'x-csrf-token': foreign },
    );
    expect(wrong.status).to.equal(403);
    expect(wrong.body.error.code).to.equal('csrf_invalid');
  });

  for (const [name, body] of [
    ['$gt on email', { email: { $gt: '' }, password: 'x' }],
    ['$ne on password', { email: DEMO.consumer, password: { $ne: null } }],
    ['$regex on email', { email: { $regex: '.*' }, password: 'Fangxin-Demo-2026' }],
    ['an array email', { email: [DEMO.consumer], password: 'Fangxin-Demo-2026' }],
    ['an extra key', { email: DEMO.consumer, password: 'Fangxin-Demo-2026', role: 'admin' }],
  ] as const) {
    it(`answers 400 to an operator injection at login: ${name}`, async () => {
      const c = new ApiClient(srv.url);
      await c.fetchCsrf();
      const r = await c.post('/auth/login', body);
      expect(r.status).to.equal(400);
      expect(r.body.error.code).to.equal('invalid_input');
      expect((await c.get('/auth/me')).status).to.equal(401);
    });
  }

  it('answers 400 for a body that is not JSON, never a 500 or a stack trace', async () => {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const r = await c.request('POST', '/auth/login', '{"email": ', { 'content-type': 'application/json' });
    expect(r.status).to.equal(400);
    expect(r.text).to.not.match(/at .*\.ts:\d+/);
  });

  it('locks an account after five failures, even for the right password, and says so', async () => {
    await LoginFailureModel.deleteMany({});
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    for (let i = 0; i < 5; i++)
      expect((await c.post('/auth/login', { email: DEMO.shop, password: `wrong-${i}-password` })).status).to.equal(401);
    const locked = await c.post('/auth/login', { email: DEMO.shop, password: 'Fangxin-Demo-2026' });
    expect(locked.status).to.equal(429);
    expect(locked.body.error.code).to.equal('account_locked');
    expect(Number(locked.headers.get('retry-after'))).to.be.greaterThan(0);
    // Another account from the same address is unaffected.
    expect((await c.post('/auth/login', { email: DEMO.admin, password: 'Fangxin-Demo-2026' })).status).to.equal(200);
  });

  it('limits failed sign-ins per address with 429 rate_limited', async () => {
    // Failures are counted in the database (shared by instances): start from none at this address.
    await LoginFailureModel.deleteMany({});
    const limited = await startTestServer({ loginLimit: 3 });
    try {
      const c = new ApiClient(limited.url);
      await c.fetchCsrf();
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await c.post('/auth/login', { email: `x${i}@example.com`, password: 'wrong-password' })).status);
      expect(codes).to.deep.equal([401, 401, 401, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('remembers the language per user', async () => {
    const c = await signedIn(srv.url, DEMO.regulatorZj);
    const r = await c.patch('/auth/me', { locale: 'en' });
    expect(r.status).to.equal(200);
    const again = await signedIn(srv.url, DEMO.regulatorZj);
    expect((await again.get('/auth/me')).body.user.locale).to.equal('en');
    expect((await c.patch('/auth/me', { locale: 'fr' })).status).to.equal(400);
  });

  it('reports health with the database up', async () => {
    const r = await new ApiClient(srv.url).get('/health');
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ status: 'ok', db: 'up' });
    expect(mongoose.connection.readyState).to.equal(1);
  });
});
