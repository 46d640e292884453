// Role × ownership × endpoint for incident reports and post-sampling follow-ups: a Hangzhou (330106)
// incident the demo chain reported and a Hangzhou follow-up whose producer is the demo chain. Yiwu's
// bureau and the demo shop see none of them. Rows run in order: the chain's report moves the follow-up
// on (so Hangzhou's own report then conflicts), and Hangzhou's re-sampling closes it.
import { expect } from 'chai';
import type { ApiClient } from '../helpers/http.js';
import { MATRIX_WHO, matrixClients, type MatrixWho } from '../helpers/matrix.js';
import { plantFollowUp, plantIncident } from '../helpers/safety.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = MATRIX_WHO;
type Row = { name: string; method: 'GET' | 'POST'; path: () => string; body?: unknown; expect: number[] };

describe('incident reports and follow-ups authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let c = {} as Record<MatrixWho, ApiClient>;
  let incidentId = '';
  let followUpId = '';
  let productId = '';

  before(async function () {
    this.timeout(60_000);
    const world = await freshWorld();
    srv = await startTestServer();
    incidentId = await plantIncident(world);
    followUpId = await plantFollowUp(world);
    c = await matrixClients(srv.url);
    const created = await c.merchantHq.post('/incidents', {
      ...report(),
      product: { name: '电热毯', category: 'household_appliance', brand: '暖阳', model: 'DR-1' },
    });
    expect(created.status, created.text).to.equal(201);
    productId = created.body.productId;
  });
  after(() => srv.stop());

  const report = () => ({
    reporterRole: 'seller',
    kind: 'burn',
    injuredCount: 1,
    severity: 'minor',
    description: '使用中过热，烫伤手臂。',
    countyCode: '330106',
    address: '文三路 1 号',
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  //                                                      anon consumer hq  shop  hz   yw   admin
  const ROWS: Row[] = [
    { name: 'report an incident', method: 'POST', path: () => '/incidents', body: 0, expect: [401, 403, 201, 201, 403, 403, 403] },
    {
      name: 'product picker',
      method: 'GET',
      path: () => `/incident-products?q=${encodeURIComponent('暖阳')}`,
      expect: [401, 403, 200, 200, 403, 403, 403],
    },
    { name: 'incident list', method: 'GET', path: () => '/incidents', expect: [401, 403, 200, 200, 200, 200, 200] },
    {
      name: 'the chain’s Hangzhou incident',
      method: 'GET',
      path: () => `/incidents/${incidentId}`,
      expect: [401, 403, 200, 404, 200, 404, 200],
    },
    { name: 'follow-up list', method: 'GET', path: () => '/sampling-follow-ups', expect: [401, 403, 200, 200, 200, 200, 200] },
    { name: 'follow-up figures', method: 'GET', path: () => '/sampling-follow-ups/figures', expect: [401, 403, 403, 403, 200, 200, 200] },
    {
      name: 'the Hangzhou follow-up',
      method: 'GET',
      path: () => `/sampling-follow-ups/${followUpId}`,
      expect: [401, 403, 200, 404, 200, 404, 200],
    },
    {
      name: 'rectification report',
      method: 'POST',
      path: () => `/sampling-follow-ups/${followUpId}/report`,
      body: { text: '已整改。' },
      expect: [401, 403, 200, 404, 409, 404, 403],
    },
    {
      name: 're-sampling',
      method: 'POST',
      path: () => `/sampling-follow-ups/${followUpId}/resampling`,
      body: { passed: true, sampledOn: '2026-11-20' },
      expect: [401, 403, 403, 403, 200, 404, 403],
    },
  ];

  for (const r of ROWS) {
    WHO.forEach((who, i) => {
      it(`${r.name}: ${r.method} as ${who} → ${r.expect[i]}`, async () => {
        const body = r.body === 0 ? { ...report(), productId } : r.body;
        const res = await c[who].request(r.method, r.path(), r.method === 'GET' ? undefined : (body ?? {}));
        expect(res.status, res.text).to.equal(r.expect[i]);
        if (res.status >= 400) expect(res.body.error.code).to.be.a('string');
      });
    });
  }

  it("Yiwu's bureau lists none of Hangzhou's incidents and follow-ups, and counts none", async () => {
    expect((await c.regulatorYw.get('/incidents')).body).to.deep.include({ total: 0, items: [] });
    expect((await c.regulatorYw.get('/sampling-follow-ups')).body).to.deep.include({ total: 0, items: [] });
    expect((await c.regulatorYw.get('/sampling-follow-ups/figures')).body).to.deep.include({ open: 0, closed: 0, escalated: 0 });
    expect((await c.regulatorHz.get('/sampling-follow-ups')).body.total).to.equal(1);
  });
});
