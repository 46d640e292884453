// Role × ownership × endpoint for store pages and posters: the public page and the QR code are
// everyone's; the poster of the chain's Hangzhou store is the chain's (the shop gets 404: not its store).
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { download } from '../helpers/download.js';
import type { ApiClient } from '../helpers/http.js';
import { MATRIX_WHO, matrixClients, type MatrixWho } from '../helpers/matrix.js';
import { chainStores } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('store page and poster authorization matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c = {} as Record<MatrixWho, ApiClient>;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    Object.assign(c, await matrixClients(srv.url));
  });
  after(() => srv.stop());

  const store = () => chainStores(world).hzXihu;
  //                                                                    anon consumer hq  shop  hz   yw   admin
  const ROWS: { name: string; path: () => string; expect: number[] }[] = [
    { name: 'public store page', path: () => `/public/stores/${store()}`, expect: [200, 200, 200, 200, 200, 200, 200] },
    { name: 'QR code', path: () => `/public/stores/${store()}/qr.png`, expect: [200, 200, 200, 200, 200, 200, 200] },
    { name: 'poster PDF', path: () => `/stores/${store()}/poster.pdf`, expect: [401, 403, 200, 404, 403, 403, 403] },
    { name: 'poster PNG', path: () => `/stores/${store()}/poster.png`, expect: [401, 403, 200, 404, 403, 403, 403] },
  ];
  for (const row of ROWS)
    it(row.name, async function () {
      this.timeout(60_000);
      const got: number[] = [];
      for (const who of MATRIX_WHO) got.push((await download(srv, c[who], row.path())).status);
      expect(got).to.deep.equal(row.expect);
    });
});
