// A store's QR code and poster, read back with libraries: the QR code (alone, and inside the PNG
// poster) decodes with jsQR to the store's public page; the PDF poster's text (pdf-parse) names the
// store and carries the 放心消费承诺 badge only while a commitment covers the store.
import { expect } from 'chai';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { publicUrl } from '../../server/config.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { download, pdfText } from '../helpers/download.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores } from '../helpers/returns.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// jsqr is CommonJS with a default export: Node hands it over as the module, whose `default` is the function.
const jsQR = jsQRModule.default;

function decodeQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
}

describe('store QR codes and posters', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let chain: ApiClient, shop: ApiClient, consumer: ApiClient, anon: ApiClient;
  let stores: ReturnType<typeof chainStores>;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    stores = chainStores(world);
    [chain, shop, consumer] = await Promise.all([
      signedIn(srv.url, DEMO.merchant),
      signedIn(srv.url, DEMO.shop),
      signedIn(srv.url, DEMO.consumer),
    ]);
    anon = new ApiClient(srv.url);
    const c = await chain.post('/return-commitments', {
      scope: 'store',
      storeIds: [stores.hzXihu],
      windowDays: 15,
      conditions: '商品完好，配件齐全',
      refundWithinHours: 24,
    });
    expect(c.status, c.text).to.equal(201);
  });
  after(() => srv.stop());

  const pageUrl = (id: string) => `${publicUrl()}/public/stores/${id}`;

  it("the public page shows the store's commitments and figures signed out", async () => {
    const r = await anon.get(`/public/stores/${stores.hzXihu}`);
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({ id: stores.hzXihu, commitmentBadge: true, url: pageUrl(stores.hzXihu) });
    expect(r.body.commitments).to.have.length(1);
    expect(r.body.commitments[0]).to.include({ scope: 'store', windowDays: 15, refundWithinHours: 24 });
    expect(r.body.figures).to.have.keys('complaints90d', 'returns90d', 'honorRate', 'breaches90d');
    const other = await anon.get(`/public/stores/${stores.nbHaishu}`);
    expect(other.body).to.include({ commitmentBadge: false });
    expect(other.body.commitments).to.deep.equal([]);
    expect((await anon.get('/public/stores/000000000000000000000000')).status).to.equal(404);
    expect((await anon.get('/public/stores/nope')).status).to.equal(400);
  });

  it('the QR code decodes to the store page, alone and inside the PNG poster', async () => {
    const qr = await download(srv, anon, `/public/stores/${stores.hzXihu}/qr.png`);
    expect(qr.status).to.equal(200);
    expect(qr.type).to.equal('image/png');
    expect(decodeQr(qr.bytes)).to.equal(pageUrl(stores.hzXihu));

    const poster = await download(srv, chain, `/stores/${stores.hzXihu}/poster.png`);
    expect(poster.status).to.equal(200);
    expect(poster.type).to.equal('image/png');
    const img = PNG.sync.read(poster.bytes);
    expect(img.width).to.equal(1240);
    expect(decodeQr(poster.bytes)).to.equal(pageUrl(stores.hzXihu));
  });

  it('the PDF poster is in Chinese, with the badge only for a committed store', async () => {
    const committed = await download(srv, chain, `/stores/${stores.hzXihu}/poster.pdf?download=1`);
    expect(committed.status).to.equal(200);
    expect(committed.type).to.equal('application/pdf');
    const text = await pdfText(committed.bytes);
    const name = world.stores.find((s) => String(s._id) === stores.hzXihu)!.name;
    expect(text).to.contain(name);
    expect(text).to.contain('放心消费承诺');
    expect(text).to.contain('15 天无理由退货');
    expect(text).to.contain(pageUrl(stores.hzXihu));
    const plain = await pdfText((await download(srv, chain, `/stores/${stores.nbHaishu}/poster.pdf`)).bytes);
    expect(plain).to.contain('扫码');
    expect(plain).to.not.contain('放心消费承诺');
  });

  it("the poster is its merchant's to print", async () => {
    expect((await download(srv, shop, `/stores/${stores.hzXihu}/poster.pdf`)).status).to.equal(404);
    expect((await download(srv, consumer, `/stores/${stores.hzXihu}/poster.pdf`)).status).to.equal(403);
    expect((await download(srv, anon, `/stores/${stores.hzXihu}/poster.png`)).status).to.equal(401);
    expect((await download(srv, shop, `/stores/${stores.shop}/poster.png`)).status).to.equal(200);
  });
});
