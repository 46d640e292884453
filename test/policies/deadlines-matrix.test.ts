// Role × ownership × endpoint for pausing deadlines (issue #12 item 6), on a Hangzhou chain-store
// complaint in its merchant stage. The handling bureau (and the province above it) pauses, resumes
// and declines; only the complaint's merchant asks; others outside it get 404, roles without the
// action 403, the signed-out 401. Each row starts from a fresh complaint in the state it needs.
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = ['anonymous', 'consumer', 'merchant', 'shop', 'regulatorHz', 'regulatorYw', 'regulatorZj', 'admin'] as const;
type Who = (typeof WHO)[number];
type State = 'running' | 'paused' | 'requested';
type Row = { name: string; path: string; body: Record<string, unknown>; state: State; expect: number[] };

describe('deadline pause authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c = {} as Record<Who, ApiClient>;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    c.anonymous = new ApiClient(srv.url);
    await c.anonymous.fetchCsrf();
    for (const [who, email] of Object.entries(DEMO)) c[who as Who] = await signedIn(srv.url, email);
  });
  after(() => srv.stop());

  /** A fresh Hangzhou complaint in `state`; returns its id and version. */
  async function complaintIn(state: State): Promise<{ id: string; version: number }> {
    const id = (await fileVia(c.consumer, filing(world, '330106'))).id as string;
    if (state === 'paused')
      expect((await c.regulatorHz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 1, reason: 'testing' })).status).to.equal(
        200,
      );
    if (state === 'requested')
      expect(
        (await c.merchant.post(`/complaints/${id}/deadline/pause-request`, { expectedVersion: 1, reason: 'testing' })).status,
      ).to.equal(200);
    return { id, version: state === 'running' ? 1 : 2 };
  }

  //                                                                          anon cons hq   shop hz   yw   zj   admin
  const ROWS: Row[] = [
    { name: 'pause', path: 'pause', body: { reason: 'testing' }, state: 'running', expect: [401, 403, 403, 403, 200, 404, 200, 403] },
    { name: 'resume', path: 'resume', body: {}, state: 'paused', expect: [401, 403, 403, 403, 200, 404, 200, 403] },
    {
      name: 'ask for a pause',
      path: 'pause-request',
      body: { reason: 'inspection' },
      state: 'running',
      expect: [401, 403, 200, 404, 403, 403, 403, 403],
    },
    {
      name: 'decline the request',
      path: 'pause-request/decline',
      body: {},
      state: 'requested',
      expect: [401, 403, 403, 403, 200, 404, 200, 403],
    },
  ];

  for (const r of ROWS) {
    WHO.forEach((who, i) => {
      it(`${r.name}: POST as ${who} → ${r.expect[i]}`, async () => {
        const { id, version } = await complaintIn(r.state);
        const res = await c[who].post(`/complaints/${id}/deadline/${r.path}`, { expectedVersion: version, ...r.body });
        expect(res.status, res.text).to.equal(r.expect[i]);
        if (res.status >= 400) expect(res.body.error.code).to.be.a('string');
      });
    });
  }
});
