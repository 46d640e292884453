import { expect } from 'chai';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

type Who = 'anonymous' | 'consumer' | 'merchant' | 'regulator' | 'admin';
const WHO: Who[] = ['anonymous', 'consumer', 'merchant', 'regulator', 'admin'];
const everyone = (status: number): Record<Who, number> => ({
  anonymous: status,
  consumer: status,
  merchant: status,
  regulator: status,
  admin: status,
});

/**
 * Open data (for everyone, signed out too), a consumer's own data (PIPL: the consumer alone) and a
 * merchant's credit inputs and contests (its headquarters; the bureaus decide), role × endpoint. Closing an account is covered in test/privacy/privacy.test.ts: a matrix row would close
 * the demo consumer for the rows after it.
 */
const MATRIX: { method: 'GET' | 'POST'; path: string; body?: unknown; expect: Record<Who, number> }[] = [
  { method: 'GET', path: '/open-data/complaints', expect: everyone(200) },
  { method: 'GET', path: '/open-data/figures?level=county', expect: everyone(200) },
  { method: 'GET', path: '/open-data/exports', expect: everyone(200) },
  { method: 'GET', path: '/open-data/exports/2026-11-30/complaints.csv', expect: everyone(404) },
  { method: 'GET', path: '/me/data-access', expect: { anonymous: 401, consumer: 200, merchant: 403, regulator: 403, admin: 403 } },
  { method: 'GET', path: '/me/data.zip', expect: { anonymous: 401, consumer: 200, merchant: 403, regulator: 403, admin: 403 } },
  // Credit inputs and contests: the merchant's headquarters, and the bureaus (records checked in test/credit/).
  { method: 'GET', path: '/credit/inputs', expect: { anonymous: 401, consumer: 403, merchant: 200, regulator: 403, admin: 403 } },
  { method: 'GET', path: '/credit/contests', expect: { anonymous: 401, consumer: 403, merchant: 200, regulator: 200, admin: 200 } },
  {
    method: 'GET',
    path: '/credit/contests/000000000000000000000000',
    expect: { anonymous: 401, consumer: 403, merchant: 404, regulator: 404, admin: 404 },
  },
  // An empty body passes the policy and meets validation (400).
  {
    method: 'POST',
    path: '/credit/contests',
    body: {},
    expect: { anonymous: 401, consumer: 403, merchant: 400, regulator: 403, admin: 403 },
  },
  {
    method: 'POST',
    path: '/credit/contests/000000000000000000000000/decision',
    body: {},
    expect: { anonymous: 401, consumer: 403, merchant: 403, regulator: 400, admin: 403 },
  },
  // An empty body: the consumer passes the policy and meets validation (400); no account is closed.
  { method: 'POST', path: '/me/close', body: {}, expect: { anonymous: 401, consumer: 400, merchant: 403, regulator: 403, admin: 403 } },
];

describe('open data and own-data authorization matrix (role × endpoint)', () => {
  let srv: TestServer;
  const clients = new Map<Who, ApiClient>();
  before(async function () {
    this.timeout(60_000);
    await freshWorld();
    srv = await startTestServer();
    clients.set('anonymous', new ApiClient(srv.url));
    await clients.get('anonymous')!.fetchCsrf();
    for (const [who, email] of [
      ['consumer', DEMO.consumer],
      ['merchant', DEMO.merchant],
      ['regulator', DEMO.regulatorHz],
      ['admin', DEMO.admin],
    ] as const)
      clients.set(who, await signedIn(srv.url, email));
  });
  after(() => srv.stop());

  for (const row of MATRIX)
    for (const who of WHO)
      it(`${row.method} ${row.path} as ${who} → ${row.expect[who]}`, async () => {
        const r = await clients.get(who)!.request(row.method, row.path, row.method === 'GET' ? undefined : (row.body ?? {}));
        expect(r.status, r.text).to.equal(row.expect[who]);
        if (r.status >= 400) expect(r.body.error.code).to.be.a('string');
      });
});
