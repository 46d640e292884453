import { expect } from 'chai';
import { resolveProducts } from '../../server/commands/resolveProduct.js';
import { backfillFields } from '../../server/db/backfill.js';
import { ProductModel } from '../../server/models/Product.js';
import { queryTokens } from '../../server/search/tokens.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('product search by write-time tokens', () => {
  let srv: TestServer;
  let hz: ApiClient;
  const names = async (path: string) => {
    const r = await hz.get(path);
    expect(r.status, r.text).to.equal(200);
    return r.body.items.map((p: { name: string }) => p.name).sort();
  };

  before(async () => {
    await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    await resolveProducts([
      { name: '充电暖手宝', category: 'electric_hand_warmer', brand: '暖芯', model: 'NX-2000' },
      { name: '暖手宝 迷你款', category: 'electric_hand_warmer', brand: '暖暖', model: 'NN-1' },
      { name: '油汀电暖器', category: 'electric_heater', brand: '暖阳', model: 'NY-2026' },
      { name: '嵌入式燃气灶', category: 'gas_appliance', brand: '明火', model: 'JZT-2B' },
    ]);
  });
  after(() => srv.stop());

  it('finds Chinese substrings, brands, model prefixes, within a category', async () => {
    expect(await names('/products?q=暖手')).to.deep.equal(['充电暖手宝', '暖手宝 迷你款']);
    expect(await names('/products?q=手宝')).to.deep.equal(['充电暖手宝', '暖手宝 迷你款']);
    expect(await names('/products?q=暖')).to.deep.equal(['充电暖手宝', '暖手宝 迷你款', '油汀电暖器']);
    expect(await names('/products?q=nx-20')).to.deep.equal(['充电暖手宝']);
    expect(await names('/products?q=JZT')).to.deep.equal(['嵌入式燃气灶']);
    expect(await names('/products?q=暖手 迷你')).to.deep.equal(['暖手宝 迷你款']);
    expect(await names('/products?q=暖&category=electric_heater')).to.deep.equal(['油汀电暖器']);
    expect(await names('/products?q=冰箱')).to.deep.equal([]);
    expect(await names('/products?q=-')).to.deep.equal([]);
    expect(queryTokens('NX-2000 暖手宝')).to.deep.equal(['暖手', '手宝', 'nx', '2000']);
  });

  it('pages with cursors, full pages, newest first, and lists no merged record', async () => {
    const first = await hz.get('/products?q=暖&limit=2');
    expect(first.body.items).to.have.length(2);
    const second = await hz.get(`/products?q=暖&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).to.have.length(1);
    expect(second.body.nextCursor).to.equal(null);
    const all = [...first.body.items, ...second.body.items].map((p: { id: string }) => p.id);
    expect(all).to.deep.equal([...all].sort().reverse());
    const mini = await ProductModel.findOne({ name: '暖手宝 迷你款' }).lean();
    const into = await ProductModel.findOne({ name: '充电暖手宝' }).lean();
    await ProductModel.updateOne({ _id: mini!._id }, { $set: { mergedInto: into!._id } });
    expect(await names('/products?q=暖手')).to.deep.equal(['充电暖手宝']);
  });

  it('gives products stored before the tokens their tokens at start', async () => {
    await ProductModel.collection.updateMany({}, { $unset: { searchTokens: '' } });
    expect(await names('/products?q=燃气')).to.deep.equal([]);
    await backfillFields();
    expect(await names('/products?q=燃气')).to.deep.equal(['嵌入式燃气灶']);
  });
});
