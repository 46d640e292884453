// A store's QR poster in Chromium: the QR code is decoded (jsQR) and its address opened signed out;
// the store page's buttons send a new visitor to register and an existing consumer to sign in, and
// each lands back in the form with the store already chosen. The merchant finds the poster on its
// 门店 page. Any page or console error fails the test.
import { expect } from 'chai';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { chainStores } from '../helpers/returns.js';
import { DEMO_PASSWORD } from '../helpers/server.js';
import { inChromium } from './inChromium.js';

const jsQR = jsQRModule.default;

describe('store QR posters in Chromium', function () {
  let storeId = '';
  let storePath = '';

  const e2e = inChromium();

  before(async () => {
    storeId = chainStores(e2e.world).hzXihu;
    const chain = await signedIn(e2e.srv.url, DEMO.merchant);
    await chain.post('/return-commitments', {
      scope: 'store',
      storeIds: [storeId],
      windowDays: 15,
      conditions: '商品完好',
      refundWithinHours: 24,
    });
    // What a phone camera does: read the code on the poster and open its address.
    const png = PNG.sync.read(Buffer.from(await (await fetch(`${e2e.srv.url}/api/public/stores/${storeId}/qr.png`)).arrayBuffer()));
    const url = new URL(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data);
    storePath = url.pathname;
    expect(storePath).to.equal(`/public/stores/${storeId}`);
  });

  const storeName = () => e2e.world.stores.find((s) => String(s._id) === storeId)!.name;

  it('a new visitor scans, registers from the complaint button and lands in the complaint form with the store chosen', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(e2e.srv.url + storePath);
    const store = page.getByTestId('public-store');
    await store.waitFor();
    expect(await store.getAttribute('data-badge')).to.equal('true');
    expect(await page.getByTestId('public-store-commitments').innerText()).to.contain('15 天无理由退货');
    await page.getByTestId('public-store-complain').click();
    await page.getByTestId('page-login').waitFor();
    await page.getByTestId('to-register').click();
    await page.getByTestId('page-register').waitFor();
    await page.locator('input[name="name"]').fill('扫码新用户');
    await page.locator('input[name="email"]').fill('qr.visitor@example.cn');
    await page.locator('input[name="password"]').fill('a-long-enough-password');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('page-complaints-new').waitFor();
    expect(new URL(page.url()).search).to.equal(`?storeId=${storeId}`);
    const option = page.getByTestId(`store-option-${storeId}`);
    await option.locator('input:checked').waitFor();
    expect(await option.innerText()).to.contain(storeName());
    await context.close();
  });

  it('a consumer signs in from the return button and lands in the return form with the store chosen', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(e2e.srv.url + storePath);
    await page.getByTestId('public-store-return').click();
    await page.getByTestId('page-login').waitFor();
    await page.locator('input[name="email"]').fill(DEMO.consumer);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('page-returns').waitFor();
    await page.getByTestId(`return-purchase-store-option-${storeId}`).locator('input:checked').waitFor();
    await page.getByTestId(`return-return-store-option-${storeId}`).locator('input:checked').waitFor();
    await context.close();
  });

  it('the merchant finds the QR code and the posters on its stores page', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.merchant);
    await page.goto(`${e2e.srv.url}/stores`);
    const card = page.getByTestId(`store-${storeId}`);
    await card.getByTestId('store-poster').locator('summary').click();
    const pdf = await card.getByTestId('store-poster-pdf').getAttribute('href');
    const r = await page.request.get(e2e.srv.url + pdf!);
    expect(r.status()).to.equal(200);
    expect(r.headers()['content-type']).to.equal('application/pdf');
    await card.getByTestId('store-public-page').click();
    await page.getByTestId('public-store').waitFor();
    await context.close();
  });
});
