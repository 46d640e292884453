import { expect } from 'chai';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';

type Who = 'anonymous' | 'consumer' | 'merchant' | 'pendingMerchant' | 'regulator' | 'admin';
const WHO: Who[] = ['anonymous', 'consumer', 'merchant', 'pendingMerchant', 'regulator', 'admin'];

/** Expected status per role for each endpoint of the foundation (API.md 401/403 semantics). */
const MATRIX: { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown; expect: Record<Who, number> }[] = [
  {
    method: 'GET',
    path: '/health',
    expect: { anonymous: 200, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/auth/me',
    expect: { anonymous: 401, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'PATCH',
    path: '/auth/me',
    body: { locale: 'en' },
    expect: { anonymous: 401, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/regions?parent=3301',
    expect: { anonymous: 200, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/merchants',
    expect: { anonymous: 200, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/stores?region=3301',
    expect: { anonymous: 200, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/stores',
    body: { name: '矩阵测试店', countyCode: '330106', address: '测试路 1 号' },
    expect: { anonymous: 401, consumer: 403, merchant: 201, pendingMerchant: 403, regulator: 403, admin: 403 },
  },
  // Only a consumer claims a desk return; a code that matches nothing is a 404 for them.
  {
    method: 'POST',
    path: '/return-requests/claim',
    body: { code: 'ABCDEFGHJK', contactAgreement: false },
    expect: { anonymous: 401, consumer: 404, merchant: 403, pendingMerchant: 403, regulator: 403, admin: 403 },
  },
  {
    method: 'GET',
    path: '/approvals',
    expect: { anonymous: 401, consumer: 403, merchant: 403, pendingMerchant: 403, regulator: 200, admin: 200 },
  },
  // Merchants (their staff) and bureaus (their officers) list the accounts they manage; the scope is in stores-accounts-matrix.
  {
    method: 'GET',
    path: '/users',
    expect: { anonymous: 401, consumer: 403, merchant: 200, pendingMerchant: 403, regulator: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/auth/logout',
    expect: { anonymous: 401, consumer: 200, merchant: 200, pendingMerchant: 200, regulator: 200, admin: 200 },
  },
];

describe('foundation authorization matrix (role × endpoint)', () => {
  let srv: TestServer;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
  });
  after(() => srv.stop());

  async function clientFor(who: Who): Promise<ApiClient> {
    if (who === 'anonymous') {
      const c = new ApiClient(srv.url);
      await c.fetchCsrf();
      return c;
    }
    if (who === 'pendingMerchant') {
      const c = new ApiClient(srv.url);
      await c.fetchCsrf();
      const body = `91330106MA2P${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
      const r = await c.post('/auth/register', {
        name: '待审核商家',
        email: `pending-${Math.random().toString(36).slice(2)}@example.com`,
        password: 'long-enough-pw',
        role: 'merchant',
        merchant: { name: '待审核商家', creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
      });
      expect(r.status).to.equal(201);
      return c;
    }
    const email = { consumer: DEMO.consumer, merchant: DEMO.merchant, regulator: DEMO.regulatorHz, admin: DEMO.admin }[who];
    return signedIn(srv.url, email);
  }

  for (const row of MATRIX) {
    for (const who of WHO) {
      it(`${row.method} ${row.path} as ${who} → ${row.expect[who]}`, async () => {
        const c = await clientFor(who);
        const r = await c.request(row.method, row.path, row.method === 'GET' ? undefined : (row.body ?? {}));
        expect(r.status, r.text).to.equal(row.expect[who]);
        if (r.status >= 400) expect(r.body.error.code).to.be.a('string');
      });
    }
  }

  it('lists the generated OpenAPI document with every foundation path', async () => {
    const r = await new ApiClient(srv.url).get('/openapi.json');
    expect(r.status).to.equal(200);
    for (const p of ['/api/auth/login', '/api/auth/register', '/api/health', '/api/regions', '/api/stores', '/api/approvals/{id}']) {
      expect(r.body.paths, p).to.have.property(p);
    }
    const docs = await fetch(srv.url + '/api/docs/');
    expect(docs.status).to.equal(200);
    expect(await docs.text()).to.match(/swagger/i);
  });

  it('answers an unknown API path with a 404 in the error format', async () => {
    const r = await new ApiClient(srv.url).get('/no-such-thing');
    expect(r.status).to.equal(404);
    expect(r.body.error.code).to.equal('not_found');
  });
});
