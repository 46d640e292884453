// Role × ownership × endpoint for stores, store staff and account management. Store staff (of the
// chain's Hangzhou Xihu store) and a Hangzhou bureau officer (invited by the bureau) are their own rows.
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { invite, invitedClient } from '../helpers/accounts.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores, product } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = ['anonymous', 'consumer', 'merchantHq', 'storeStaff', 'regulatorHz', 'hzOfficer', 'regulatorYw', 'admin'] as const;
type Who = (typeof WHO)[number];
type Row = { name: string; method: 'GET' | 'POST' | 'PATCH'; path: () => string; body?: () => unknown; expect: Record<Who, number> };

const row = (a: number, c: number, hq: number, staff: number, hz: number, off: number, yw: number, adm: number): Record<Who, number> => ({
  anonymous: a,
  consumer: c,
  merchantHq: hq,
  storeStaff: staff,
  regulatorHz: hz,
  hzOfficer: off,
  regulatorYw: yw,
  admin: adm,
});

describe('stores, staff and accounts authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c = {} as Record<Who, ApiClient>;
  const id = { xihuComplaint: '', binjiangComplaint: '', binjiangReturn: '', invitedOfficer: '', invitedStaff: '' };
  let n = 0;
  const email = () => `matrix-${++n}@example.com`;

  before(async function () {
    // Seven sign-ins and two accepted invitations, each an argon2 hash.
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    const s = chainStores(world);
    c.anonymous = new ApiClient(srv.url);
    await c.anonymous.fetchCsrf();
    c.consumer = await signedIn(srv.url, DEMO.consumer);
    c.merchantHq = await signedIn(srv.url, DEMO.merchant);
    c.regulatorHz = await signedIn(srv.url, DEMO.regulatorHz);
    c.regulatorYw = await signedIn(srv.url, DEMO.regulatorYw);
    c.admin = await signedIn(srv.url, DEMO.admin);
    c.storeStaff = (await invitedClient(c.merchantHq, { name: '西湖店 店员', email: 'staff@example.com', storeId: s.hzXihu })).client;
    c.hzOfficer = (await invitedClient(c.regulatorHz, { name: '杭州 新同事', email: 'officer@example.com' })).client;
    id.invitedOfficer = (await invite(c.regulatorHz, { name: '未接受的同事', email: 'pending.officer@example.com' })).id;
    id.invitedStaff = (await invite(c.merchantHq, { name: '未接受的店员', email: 'pending.staff@example.com', storeId: s.hzXihu })).id;
    id.xihuComplaint = (await fileVia(c.consumer, filing(world, '330106'))).id;
    id.binjiangComplaint = (await fileVia(c.consumer, filing(world, '330108'))).id;
    const r = await c.merchantHq.post('/return-requests', {
      purchaseStoreId: s.hzBinjiang,
      returnStoreId: s.hzBinjiang,
      purchaseDate: new Date().toISOString().slice(0, 10),
      amountFen: 3000,
      product: product(),
    });
    id.binjiangReturn = r.body.id;
  });
  after(() => srv.stop());

  const ROWS: Row[] = [
    { name: 'my stores', method: 'GET', path: () => '/merchant/stores', expect: row(401, 403, 200, 200, 403, 403, 403, 403) },
    {
      name: 'edit own store',
      method: 'PATCH',
      path: () => `/stores/${chainStores(world).hzXihu}`,
      body: () => ({ address: '杭州市西湖区文三路 400 号' }),
      expect: row(401, 403, 200, 403, 403, 403, 403, 403),
    },
    {
      name: 'edit another merchant’s store',
      method: 'PATCH',
      path: () => `/stores/${chainStores(world).shop}`,
      body: () => ({ address: 'x' }),
      expect: row(401, 403, 404, 403, 403, 403, 403, 403),
    },
    {
      name: 'close another merchant’s store',
      method: 'POST',
      path: () => `/stores/${chainStores(world).shop}/close`,
      expect: row(401, 403, 404, 403, 403, 403, 403, 403),
    },
    {
      name: 'complaint at the staff’s store',
      method: 'GET',
      path: () => `/complaints/${id.xihuComplaint}`,
      expect: row(401, 200, 200, 200, 200, 200, 404, 200),
    },
    {
      name: 'complaint at another store',
      method: 'GET',
      path: () => `/complaints/${id.binjiangComplaint}`,
      expect: row(401, 200, 200, 404, 200, 200, 404, 200),
    },
    {
      name: 'return at another store',
      method: 'GET',
      path: () => `/return-requests/${id.binjiangReturn}`,
      expect: row(401, 404, 200, 404, 200, 200, 404, 200),
    },
    { name: 'account list', method: 'GET', path: () => '/users', expect: row(401, 403, 200, 403, 200, 200, 200, 200) },
    { name: 'audit trail', method: 'GET', path: () => '/audit/accounts', expect: row(401, 403, 200, 403, 200, 200, 200, 200) },
    {
      name: 'invite (no role given)',
      method: 'POST',
      path: () => '/users/invitations',
      body: () => ({ name: '矩阵', email: email() }),
      expect: row(401, 403, 201, 403, 201, 201, 201, 400),
    },
    {
      name: 're-invite a Hangzhou officer',
      method: 'POST',
      path: () => `/users/${id.invitedOfficer}/resend-invitation`,
      expect: row(401, 403, 404, 403, 200, 200, 404, 200),
    },
    {
      name: 're-invite a Xihu store’s staff',
      method: 'POST',
      path: () => `/users/${id.invitedStaff}/resend-invitation`,
      expect: row(401, 403, 200, 403, 404, 404, 404, 200),
    },
  ];

  for (const r of ROWS) {
    for (const who of WHO) {
      it(`${r.name}: ${r.method} as ${who} → ${r.expect[who]}`, async () => {
        const res = await c[who].request(r.method, r.path(), r.method === 'GET' ? undefined : (r.body?.() ?? {}));
        expect(res.status, res.text).to.equal(r.expect[who]);
        if (res.status >= 400) expect(res.body.error.code).to.be.a('string');
      });
    }
  }

  it('lists only the accounts each manager manages', async () => {
    const orgOf = (u: { orgId: string | null }) => u.orgId;
    const hq = (await c.merchantHq.get('/users?limit=100')).body.items;
    expect(new Set(hq.map(orgOf))).to.deep.equal(new Set([String(world.chain._id)]));
    const officers = (await c.hzOfficer.get('/users?limit=100')).body.items;
    expect(officers.every((u: { role: string; regionCode: string }) => u.role === 'regulator' && u.regionCode === '3301')).to.equal(true);
    expect((await c.admin.get('/users?limit=100')).body.total).to.be.greaterThan(officers.length + hq.length);
  });
});
