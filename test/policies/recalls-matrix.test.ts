// Role × ownership × endpoint for recall notices: a Hangzhou case in recall with its published notice
// that reached the demo consumer and the demo chain (not the demo shop). Yiwu's bureau sees none of it.
import { expect } from 'chai';
import type { ApiClient } from '../helpers/http.js';
import { MATRIX_WHO, matrixClients, type MatrixWho } from '../helpers/matrix.js';
import { plantRecall } from '../helpers/recalls.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = MATRIX_WHO;
type Row = { name: string; method: 'GET' | 'POST'; path: () => string; body?: unknown; expect: number[] };

describe('recall notices authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let c = {} as Record<MatrixWho, ApiClient>;
  let caseId = '';
  let recallId = '';

  before(async function () {
    this.timeout(60_000);
    const world = await freshWorld();
    srv = await startTestServer();
    ({ caseId, recallId } = await plantRecall(world));
    c = await matrixClients(srv.url);
  });
  after(() => srv.stop());

  const publish = { hazard: '过热', riskLevel: 'high', consumerActions: ['stop_using'], remedy: '退款' };
  //                                                      anon consumer hq  shop  hz   yw   admin
  const ROWS: Row[] = [
    { name: 'public list', method: 'GET', path: () => '/public/recalls', expect: [200, 200, 200, 200, 200, 200, 200] },
    { name: 'public page', method: 'GET', path: () => `/public/recalls/${recallId}`, expect: [200, 200, 200, 200, 200, 200, 200] },
    {
      name: 'publish again (Hangzhou case)',
      method: 'POST',
      path: () => `/enforcement-cases/${caseId}/recall-notice`,
      body: publish,
      expect: [401, 403, 403, 403, 409, 404, 403],
    },
    { name: 'reach figures', method: 'GET', path: () => `/recalls/${recallId}/reach`, expect: [401, 403, 403, 403, 200, 404, 200] },
    { name: 'my notices', method: 'GET', path: () => '/recall-notices', expect: [401, 200, 200, 200, 403, 403, 403] },
    { name: 'my notice of it', method: 'GET', path: () => `/recalls/${recallId}/notice`, expect: [401, 200, 200, 404, 403, 403, 403] },
    { name: 'read it', method: 'POST', path: () => `/recalls/${recallId}/read`, expect: [401, 200, 403, 403, 403, 403, 403] },
    { name: 'acknowledge it', method: 'POST', path: () => `/recalls/${recallId}/acknowledge`, expect: [401, 403, 200, 404, 403, 403, 403] },
  ];

  for (const r of ROWS) {
    WHO.forEach((who, i) => {
      it(`${r.name}: ${r.method} as ${who} → ${r.expect[i]}`, async () => {
        const res = await c[who].request(r.method, r.path(), r.method === 'GET' ? undefined : (r.body ?? {}));
        expect(res.status, res.text).to.equal(r.expect[i]);
        if (res.status >= 400) expect(res.body.error.code).to.be.a('string');
      });
    });
  }
});
