// Role × endpoint for the public rankings: everyone's, signed out too (the merchants' indices are on
// their public profiles, covered by the directory's matrix).
import { expect } from 'chai';
import type { ApiClient } from '../helpers/http.js';
import { MATRIX_WHO, matrixClients, type MatrixWho } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('rankings authorization matrix (role × endpoint)', () => {
  let srv: TestServer;
  const c = {} as Record<MatrixWho, ApiClient>;

  before(async function () {
    this.timeout(60_000);
    await freshWorld();
    srv = await startTestServer();
    Object.assign(c, await matrixClients(srv.url));
  });
  after(() => srv.stop());

  //                                                  anon consumer hq  shop  hz   yw   admin
  const ROWS: { name: string; path: string; expect: number[] }[] = [
    { name: 'public rankings', path: '/public/rankings?cityCode=3301&category=toy', expect: [200, 200, 200, 200, 200, 200, 200] },
  ];
  for (const row of ROWS)
    it(row.name, async () => {
      const got: number[] = [];
      for (const who of MATRIX_WHO) got.push((await c[who].get(row.path)).status);
      expect(got).to.deep.equal(row.expect);
    });
});
