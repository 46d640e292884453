import { expect } from 'chai';
import mongoose from 'mongoose';
import { backfillFields } from '../../server/db/backfill.js';
import { testClock } from '../../server/clock.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores, product, returnsWorld } from '../helpers/returns.js';
import type { TestServer } from '../helpers/server.js';

/** Every page of a list, following the cursors. */
async function allPages(client: ApiClient, path: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const r: { status: number; text: string; body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
      `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(r.status, r.text).to.equal(200);
    pages.push(r.body.items.map((x) => x.id));
    cursor = r.body.nextCursor;
  } while (cursor);
  return pages;
}

describe('return desk lists: full pages, exact filters', () => {
  let srv: TestServer;
  let chain: ApiClient;
  let s: ReturnType<typeof chainStores>;
  const hz: string[] = [];
  const nb: string[] = [];
  const cross: string[] = [];

  before(async () => {
    ({ srv, s, chain } = await returnsWorld('2026-03-10'));
    expect(
      (await chain.post('/return-commitments', { scope: 'chain_province', windowDays: 7, conditions: '完好', refundWithinHours: 48 }))
        .status,
    ).to.equal(201);
    const ret = async (p: string, r: string) => {
      const res = await chain.post('/return-requests', {
        purchaseStoreId: p,
        returnStoreId: r,
        purchaseDate: '2026-03-09',
        amountFen: 5000,
        product: product(),
      });
      expect(res.status, res.text).to.equal(201);
      return res.body.id as string;
    };
    // Interleaved, so a page of the Hangzhou list sits among Ningbo's requests.
    for (let i = 0; i < 7; i++) {
      hz.push(await ret(s.hzXihu, s.hzXihu));
      nb.push(await ret(s.nbHaishu, s.nbHaishu));
    }
    // Bought in Hangzhou, returned in Ningbo: both cities' bureaus see it.
    for (let i = 0; i < 3; i++) cross.push(await ret(s.hzBinjiang, s.nbYinzhou));
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  it('gives a city bureau full pages of exactly its requests, newest first', async () => {
    const hzBureau = await signedIn(srv.url, DEMO.regulatorHz);
    const pages = await allPages(hzBureau, '/return-requests', 3);
    expect(pages.map((p) => p.length)).to.deep.equal([3, 3, 3, 1]);
    expect(pages.flat()).to.deep.equal([...hz, ...cross].sort().reverse());
  });

  it('gives the province everything and a county bureau outside the stores nothing', async () => {
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    expect((await allPages(zj, '/return-requests', 100)).flat()).to.have.length(17);
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await allPages(yw, '/return-requests', 5)).flat()).to.deep.equal([]);
  });

  it('filters by store of purchase or of return, in full pages', async () => {
    const pages = await allPages(chain, `/return-requests?storeId=${s.nbYinzhou}`, 2);
    expect(pages.map((p) => p.length)).to.deep.equal([2, 1]);
    expect(pages.flat()).to.deep.equal([...cross].reverse());
    expect((await allPages(chain, `/return-requests?storeId=${s.hzBinjiang}`, 10)).flat()).to.deep.equal([...cross].reverse());
  });

  it('shows each list its result count: every match of the filter, on every page', async () => {
    const hzBureau = await signedIn(srv.url, DEMO.regulatorHz);
    for (const [client, path, count] of [
      [hzBureau, '/return-requests?limit=3', 10],
      [chain, `/return-requests?limit=2&storeId=${s.nbYinzhou}`, 3],
      [chain, '/return-requests?limit=5', 17],
    ] as const) {
      const r = await client.get(path);
      expect(r.status, r.text).to.equal(200);
      expect({ path, total: r.body.total }).to.deep.equal({ path, total: count });
    }
    // The public registry counts its active commitments: the chain's one, for anyone.
    const anonymous = new ApiClient(srv.url);
    const registry = await anonymous.get(`/return-commitments?limit=1&region=${'330106'}`);
    expect(registry.status, registry.text).to.equal(200);
    expect(registry.body.total).to.equal(1);
  });

  it('gives requests stored before the list keys their keys at start', async () => {
    await ReturnRequestModel.collection.updateMany(
      { _id: { $in: cross.map((id) => new mongoose.Types.ObjectId(id)) } },
      { $unset: { regionKeys: '', storeIds: '' } },
    );
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    expect((await allPages(zj, '/return-requests', 100)).flat()).to.have.length(14);
    await backfillFields();
    expect((await allPages(zj, '/return-requests', 100)).flat()).to.have.length(17);
    expect((await allPages(chain, `/return-requests?storeId=${s.nbYinzhou}`, 10)).flat()).to.deep.equal([...cross].reverse());
  });
});
