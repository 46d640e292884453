// Role × ownership × endpoint for 投诉公示: the public list is everyone's, signed in or not; the one
// public comment on a closed complaint of the chain's Hangzhou store is its merchant's alone (the
// shop does not see the complaint: 404; parties who see it but are not its merchant: 403).
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import type { ApiClient } from '../helpers/http.js';
import { MATRIX_WHO, matrixClients, type MatrixWho } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const WHO = MATRIX_WHO;
type Who = MatrixWho;

describe('disclosure authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c = {} as Record<Who, ApiClient>;
  let complaintId = '';

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    Object.assign(c, await matrixClients(srv.url));
    const filed = await fileVia(c.consumer, filing(world));
    await act(c.merchantHq, filed.id, 'respond', {
      responseType: 'accepted',
      remedy: { type: 'explanation' },
      messageToConsumer: '已说明',
    });
    complaintId = (await act(c.consumer, filed.id, 'accept_response')).body.id;
  });
  after(() => srv.stop());

  //                                                  anon consumer hq  shop  hz   yw   admin
  const ROWS: { name: string; run: (who: Who) => Promise<number>; expect: number[] }[] = [
    {
      name: 'public list',
      run: async (who) => (await c[who].get('/public/complaints')).status,
      expect: [200, 200, 200, 200, 200, 200, 200],
    },
    {
      // The merchant goes last: its comment closes the window for everyone after it.
      name: 'public comment (comment_publicly)',
      run: async (who) => {
        // The version as a party reads it: those who cannot see the complaint must get their 404 from the route.
        const { version } = (await c.consumer.get(`/complaints/${complaintId}`)).body;
        const body = { action: 'comment_publicly', expectedVersion: version, text: '商家说明' };
        return (await c[who].post(`/complaints/${complaintId}/transitions`, body)).status;
      },
      expect: [401, 403, 200, 404, 403, 404, 403],
    },
  ];

  for (const row of ROWS)
    it(row.name, async () => {
      const order = [...WHO].sort((a, b) => Number(a === 'merchantHq') - Number(b === 'merchantHq'));
      const got: Record<string, number> = {};
      for (const who of order) got[who] = await row.run(who);
      expect(WHO.map((w) => got[w])).to.deep.equal(row.expect, JSON.stringify(got));
    });
});
