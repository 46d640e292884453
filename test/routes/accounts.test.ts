// The 用户 page's API: search and filter accounts, invite by mail (single-use link), disable (sessions
// and sockets end at once) and enable, resend, all in an insert-only audit trail; bureaus manage their
// own officers the same way.
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import { SESSION_COLLECTION } from '../../server/auth/session.js';
import { AuditEntryModel } from '../../server/models/AuditEntry.js';
import { UserModel } from '../../server/models/User.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { INVITEE_PASSWORD, invitationToken, invite, invitedClient } from '../helpers/accounts.js';
import { ApiClient, DEMO, connected, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const emails = (r: { body: { items: { email: string }[] } }) => r.body.items.map((u) => u.email);

describe('account management (GET /users, invitations, disable, enable, audit)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let admin: ApiClient;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    admin = await signedIn(srv.url, DEMO.admin);
  });
  after(() => srv.stop());

  it('searches by name, email or organization, filters by role and status, and counts the results', async () => {
    expect(emails(await admin.get('/users?q=万家福'))).to.deep.equal([DEMO.merchant]);
    expect(emails(await admin.get('/users?q=REGULATOR.hz'))).to.deep.equal([DEMO.regulatorHz]);
    expect(emails(await admin.get('/users?q=张晓'))).to.deep.equal([DEMO.consumer]);
    expect(emails(await admin.get('/users?q=杭州市市场监督'))).to.deep.equal([DEMO.regulatorHz]);
    const regulators = await admin.get('/users?role=regulator');
    expect(regulators.body.total).to.equal(3);
    expect(regulators.body.items).to.have.length(3);
    const paged = await admin.get('/users?limit=2');
    expect(paged.body.total).to.equal(7);
    expect(paged.body.nextCursor).to.be.a('string');
    const next = await admin.get(`/users?limit=2&cursor=${paged.body.nextCursor}`);
    expect(next.body.items.map((u: { id: string }) => u.id)).not.to.include.members(paged.body.items.map((u: { id: string }) => u.id));
    expect((await admin.get('/users?status=disabled')).body.total).to.equal(0);
    const me = (await admin.get('/users?role=admin')).body.items[0];
    expect(me.manageable, 'one’s own account').to.equal(false);
  });

  it('refuses bad queries and bad invitations with 400, a taken email with 409', async () => {
    expect((await admin.get('/users?role=boss')).status).to.equal(400);
    expect((await admin.get('/users?status=gone')).status).to.equal(400);
    expect((await admin.get('/users?cursor=xyz')).status).to.equal(400);
    expect((await admin.post('/users/invitations', { name: 'x', email: 'not-an-email', role: 'admin' })).status).to.equal(400);
    expect((await admin.post('/users/invitations', { name: '', email: 'a@example.com', role: 'admin' })).status).to.equal(400);
    expect((await admin.post('/users/invitations', { name: 'x', email: 'a@example.com', role: 'regulator' })).status).to.equal(400);
    expect((await admin.post('/users/invitations', { name: 'x', email: 'a@example.com', role: 'consumer' })).status).to.equal(400);
    expect((await admin.post('/users/invitations', { name: 'x', email: 'a@example.com', role: 'admin', extra: 1 })).status).to.equal(400);
    const taken = await admin.post('/users/invitations', { name: 'x', email: DEMO.consumer, role: 'admin' });
    expect(taken.status).to.equal(409);
    expect(taken.body.error.code).to.equal('email_taken');
    expect(await UserModel.countDocuments({ email: 'a@example.com' }), 'nothing half-written').to.equal(0);
    expect((await admin.post('/users/000000000000000000000000/disable')).status).to.equal(404);
    expect((await admin.post('/users/abc/disable')).status).to.equal(400);
  });

  it('invites an officer by mail; the link sets a password once; the trail records it', async () => {
    const { id } = await invite(admin, { name: '西湖区 消保员', email: 'officer.xh@example.com', role: 'regulator', regionCode: '330106' });
    const invited = await UserModel.findById(id).lean();
    expect(invited).to.include({ status: 'invited', role: 'regulator', regionCode: '330106' });
    expect(invited!.orgName).to.contain('西湖区');
    const anon = new ApiClient(srv.url);
    await anon.fetchCsrf();
    expect(
      (await anon.post('/auth/login', { email: 'officer.xh@example.com', password: 'whatever-long' })).status,
      'no password yet',
    ).to.equal(401);
    const token = await invitationToken('officer.xh@example.com');
    const shown = await anon.get(`/invitations/${token}`);
    expect(shown.status).to.equal(200);
    expect(shown.body).to.include({ email: 'officer.xh@example.com', role: 'regulator' });
    expect((await anon.get('/invitations/short')).status).to.equal(400);
    expect((await anon.post(`/invitations/${token}/accept`, { password: 'short' })).status).to.equal(400);
    const [a, b] = await Promise.all([
      anon.post(`/invitations/${token}/accept`, { password: INVITEE_PASSWORD }),
      new ApiClient(srv.url).fetchCsrf().then(() => anon.post(`/invitations/${token}/accept`, { password: INVITEE_PASSWORD })),
    ]);
    expect([a.status, b.status].sort()).to.satisfy((s: number[]) => s[0] === 200 && s[1]! >= 404);
    expect((await anon.get('/auth/me')).body.user).to.include({ email: 'officer.xh@example.com', regionCode: '330106' });
    expect((await anon.get(`/invitations/${token}`)).status, 'used').to.equal(404);
    const trail = await admin.get('/audit/accounts');
    expect(trail.body.items.slice(0, 2).map((e: { action: string }) => e.action)).to.deep.equal(['accept_invitation', 'invite']);
    expect(trail.body.items[1]).to.include({ actorName: '平台管理员', targetEmail: 'officer.xh@example.com' });
  });

  it('resends an invitation: the older link stops working; an active account has none to resend', async () => {
    const { id } = await invite(admin, { name: '新管理员', email: 'admin2@example.com', role: 'admin' });
    const first = await invitationToken('admin2@example.com');
    const r = await admin.post(`/users/${id}/resend-invitation`);
    expect(r.status, r.text).to.equal(200);
    const second = await invitationToken('admin2@example.com');
    expect(second).not.to.equal(first);
    const anon = new ApiClient(srv.url);
    expect((await anon.get(`/invitations/${first}`)).status).to.equal(404);
    expect((await anon.get(`/invitations/${second}`)).status).to.equal(200);
    const active = await admin.post(`/users/${world.users.get(DEMO.consumer)!._id}/resend-invitation`);
    expect(active.status).to.equal(409);
    expect((await AuditEntryModel.find({ targetId: id }).sort({ _id: 1 }).lean()).map((e) => e.action)).to.deep.equal([
      'invite',
      'resend_invitation',
    ]);
  });

  it('disables an account: its sessions and sockets end at once, it cannot sign in; enabling restores it', async () => {
    const consumerId = String(world.users.get(DEMO.consumer)!._id);
    const victim = await signedIn(srv.url, DEMO.consumer);
    const second = await signedIn(srv.url, DEMO.consumer);
    expect(await mongoose.connection.collection(SESSION_COLLECTION).countDocuments({ 'session.passport.user': consumerId })).to.equal(2);
    const socket: Socket = victim.socket();
    try {
      await connected(socket);
      const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const r = await admin.post(`/users/${consumerId}/disable`);
      expect(r.status, r.text).to.equal(200);
      expect(r.body.status).to.equal('disabled');
      expect(await gone).to.equal('io server disconnect');
    } finally {
      socket.close();
    }
    expect(
      await mongoose.connection.collection(SESSION_COLLECTION).countDocuments({ 'session.passport.user': consumerId }),
      'session documents removed',
    ).to.equal(0);
    expect((await victim.get('/auth/me')).status).to.equal(401);
    expect((await second.get('/complaints')).status).to.equal(401);
    const again = new ApiClient(srv.url);
    await again.fetchCsrf();
    const login = await again.post('/auth/login', { email: DEMO.consumer, password: 'Fangxin-Demo-2026' });
    expect(login.status).to.equal(403);
    expect(login.body.error.code).to.equal('account_disabled');
    expect((await admin.post(`/users/${consumerId}/disable`)).status).to.equal(409);
    expect((await admin.get('/users?status=disabled')).body.total).to.equal(1);
    const enabled = await admin.post(`/users/${consumerId}/enable`);
    expect(enabled.body.status).to.equal('active');
    expect((await admin.post(`/users/${consumerId}/enable`)).status).to.equal(409);
    await again.login(DEMO.consumer);
    expect((await AuditEntryModel.find({ targetId: consumerId }).sort({ _id: 1 }).lean()).map((e) => e.action)).to.deep.equal([
      'disable',
      'enable',
    ]);
  });

  it('keeps the audit trail insert-only', async () => {
    let refused = false;
    try {
      await AuditEntryModel.updateOne({}, { $set: { actorName: 'someone else' } });
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
    expect(await AuditEntryModel.countDocuments({ actorName: 'someone else' })).to.equal(0);
  });

  it('lets a bureau manage the officers of its own bureau only', async () => {
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const officer = await invitedClient(hz, { name: '杭州 投诉科 新同事', email: 'officer.hz@example.com' });
    const me = (await officer.client.get('/auth/me')).body.user;
    expect(me).to.include({ role: 'regulator', regionCode: '3301' });
    expect((await officer.client.get('/complaints')).status).to.equal(200);
    const list = await hz.get('/users?limit=100');
    expect(emails(list).sort()).to.deep.equal([DEMO.regulatorHz, 'officer.hz@example.com'].sort());
    expect((await hz.get('/users?role=consumer')).body.items.every((u: { role: string }) => u.role === 'regulator')).to.equal(true);
    expect((await hz.post('/users/invitations', { name: 'x', email: 'y@example.com', regionCode: '330782' })).status).to.equal(403);
    expect((await hz.post('/users/invitations', { name: 'x', email: 'y@example.com', role: 'admin' })).status).to.equal(403);
    const yw = String(world.users.get(DEMO.regulatorYw)!._id);
    expect((await hz.post(`/users/${yw}/disable`)).status, 'another bureau’s officer').to.equal(404);
    expect((await hz.post(`/users/${world.users.get(DEMO.consumer)!._id}/disable`)).status).to.equal(404);
    expect((await hz.post(`/users/${world.users.get(DEMO.regulatorHz)!._id}/disable`)).status, 'oneself').to.equal(403);
    expect((await hz.post(`/users/${officer.id}/disable`)).status).to.equal(200);
    expect((await officer.client.get('/auth/me')).status).to.equal(401);
    const trail = await hz.get('/audit/accounts');
    expect(trail.body.items.map((e: { action: string }) => e.action)).to.deep.equal(['disable', 'accept_invitation', 'invite']);
    const yiwu = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yiwu.get('/audit/accounts')).body.items).to.deep.equal([]);
  });
});
