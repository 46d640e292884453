// Role × ownership × endpoint for the risk-based sampling plan: only bureaus read, adjust and export,
// each its own region's plan. A Hangzhou subject is in Hangzhou's and the province's plans, not Yiwu's.
import { expect } from 'chai';
import { SamplingPlanItemModel } from '../../server/models/SamplingPlanItem.js';
import { planItemId, planSortKey, scoreProduct } from '../../server/sampling/riskPlan.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = ['anonymous', 'consumer', 'merchant', 'shop', 'regulatorHz', 'regulatorYw', 'regulatorZj', 'admin'] as const;
type Who = (typeof WHO)[number];
const PRODUCT = '0000000000000000000000aa';
const QUARTER = '2026-Q4';

describe('sampling plan authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  const c = {} as Record<Who, ApiClient>;

  before(async function () {
    this.timeout(60_000);
    await freshWorld();
    srv = await startTestServer();
    c.anonymous = new ApiClient(srv.url);
    await c.anonymous.fetchCsrf();
    for (const [who, email] of Object.entries(DEMO)) c[who as Who] = await signedIn(srv.url, email);
    for (const region of ['3301', '33'])
      await SamplingPlanItemModel.create({
        _id: planItemId(region, QUARTER, PRODUCT),
        region,
        quarter: QUARTER,
        productId: PRODUCT,
        productName: '电暖器',
        category: 'electric_heater',
        keyCategory: true,
        score: 20,
        tier: 'elevated',
        evidence: scoreProduct(
          {
            complaints: 10,
            safetyComplaints: 0,
            openFlag: false,
            failed: 0,
            passed: 0,
            incidents: 0,
            serious: 0,
            creditTier: null,
            producerClean: false,
          },
          true,
        ).evidence,
        suggested: 1,
        planned: 1,
        inPlan: true,
        sk: planSortKey(20, PRODUCT),
        computedAt: new Date(),
      });
  });
  after(() => srv.stop());

  //                                                                  anon cons hq   shop hz   yw   zj   admin
  const ROWS: { name: string; method: 'GET' | 'POST'; path: string; body?: object; expect: number[] }[] = [
    { name: 'read the plan', method: 'GET', path: `/sampling-plan?quarter=${QUARTER}`, expect: [401, 403, 403, 403, 200, 200, 200, 403] },
    {
      name: 'export it',
      method: 'GET',
      path: `/sampling-plan/export.csv?quarter=${QUARTER}`,
      expect: [401, 403, 403, 403, 200, 200, 200, 403],
    },
    {
      name: 'adjust a Hangzhou subject',
      method: 'POST',
      path: '/sampling-plan/adjustments',
      body: { quarter: QUARTER, productId: PRODUCT, action: 'frequency', count: 2 },
      expect: [401, 403, 403, 403, 200, 404, 200, 403],
    },
  ];

  for (const r of ROWS) {
    WHO.forEach((who, i) => {
      it(`${r.name}: ${r.method} as ${who} → ${r.expect[i]}`, async () => {
        const res = await c[who].request(r.method, r.path, r.method === 'GET' ? undefined : r.body);
        expect(res.status, res.text).to.equal(r.expect[i]);
      });
    });
  }

  it("Yiwu's plan holds none of Hangzhou's subjects", async () => {
    expect((await c.regulatorYw.get(`/sampling-plan?quarter=${QUARTER}&show=all`)).body.items).to.deep.equal([]);
  });
});
