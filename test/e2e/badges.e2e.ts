// Honest badges in Chromium: a merchant of credit tier D with a commitment badge is on the bureau's
// review list with the figures behind the tier; its public profile explains the badge and the tier
// and says it is under review; the public problem-product list links to the merchants concerned.
// Any page or console error fails the test.
import { expect } from 'chai';
import { now } from '../../server/clock.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { flagHangzhouHeater } from '../helpers/products.js';
import { chainStores } from '../helpers/returns.js';
import { inChromium } from './inChromium.js';

describe('honest badges in Chromium', function () {
  const figures = {
    creditScore: 48.5,
    complaints180d: 42,
    complaintsPerStore: 42,
    timelyResponseRate180d: 0.4,
    resolutionRate180d: 0.3,
    returnBreaches: 4,
    enforcementCases: 1,
  };

  const e2e = inChromium();

  before(async () => {
    const shop = await signedIn(e2e.srv.url, DEMO.shop);
    const published = await shop.post('/return-commitments', {
      scope: 'store',
      storeIds: [chainStores(e2e.world).shop],
      windowDays: 7,
      categories: ['toy'],
      conditions: '包装完整',
      refundWithinHours: 24,
    });
    expect(published.status, published.text).to.equal(201);
    // What the hourly credit job (products/credit.ts) stores for a merchant it rates D.
    await MerchantCreditModel.replaceOne(
      { _id: e2e.world.shop._id },
      { _id: e2e.world.shop._id, tier: 'D', figures, at: now() },
      { upsert: true },
    );
  });

  it('puts a tier D merchant with a badge on the review list and explains both on its public profile', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.regulatorYw);
    await page.goto(`${e2e.srv.url}/compliance`);
    const card = page.getByTestId(`review-${e2e.world.shop._id}`);
    await card.waitFor();
    expect(await card.innerText()).to.contain('信用等级 D 仍挂承诺标识');
    const credit = card.getByTestId('review-credit-figures');
    expect(await credit.locator('[data-figure="creditScore"] dd').innerText()).to.equal('48.5');
    expect(await credit.locator('[data-figure="timelyResponseRate180d"] dd').innerText()).to.equal('40.0%');
    await context.close();

    // Signed out, as a consumer reads it.
    const visitor = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await visitor.goto(`${e2e.srv.url}/merchants/${e2e.world.shop._id}`);
    await visitor.getByTestId('merchant-explained').waitFor();
    expect(await visitor.getByTestId('credit-tier').innerText()).to.contain('D');
    expect(await visitor.getByTestId('badge-explained').innerText()).to.contain('公开承诺无理由退换货');
    expect(await visitor.getByTestId('tier-explained').innerText()).to.match(/等级 D：信用较差/);
    expect(await visitor.getByTestId('tier-d-review').innerText()).to.contain('复核名单');
    // The honest indices: each rate with its counts and what it leaves out (unrated never resolved).
    const indices = visitor.getByTestId('honest-indices');
    expect(await indices.locator('[data-index="resolution"]').innerText()).to.match(/全部已办结 \d+ 件[\s\S]*未评价 \d+ 件（不算作化解）/);
    await indices.getByTestId('rankings-link').click();
    await visitor.getByTestId('page-rankings').waitFor();
    expect(await visitor.getByTestId('ranking-count').innerText()).to.match(/家商家参与排名/);
    // The signed-out header links the rankings too, beside the other public pages.
    await visitor.getByTestId('nav-commitments').click();
    await visitor.getByTestId('nav-rankings').click();
    await visitor.getByTestId('page-rankings').waitFor();
    expect(await visitor.getByTestId('nav-rankings').getAttribute('aria-current')).to.equal('page');
    await visitor.goto(`${e2e.srv.url}/merchants/${e2e.world.shop._id}`);
    await visitor.getByTestId('merchant-explained').waitFor();
    await visitor.getByTestId('badge-explained').getByRole('link').click();
    await visitor.locator('[data-testid="commitment-merchant"]').first().waitFor();
    expect(new Set(await visitor.getByTestId('commitment-merchant').allInnerTexts())).to.deep.equal(new Set([e2e.world.shop.name]));
    await visitor.close();
  });

  it('links the merchants concerned from the public problem-product list to their profiles', async () => {
    await flagHangzhouHeater(e2e.world, 'badge');
    const hz = await signedIn(e2e.srv.url, DEMO.regulatorHz);
    const flagId = (await hz.get('/product-flags')).body.items[0].id;
    const id = (await hz.post('/enforcement-cases', { flagId, note: '立案' })).body.id;
    await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'investigate', note: '现场检查', expectedVersion: 1 });
    const published = await hz.post(`/enforcement-cases/${id}/transitions`, {
      action: 'order_rectification',
      note: '责令整改',
      public: true,
      finding: '温控器失效，外壳过热',
      measures: '停止销售，限期整改',
    });
    expect(published.status, published.text).to.equal(200);

    const visitor = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(`${e2e.srv.url}/problem-products`);
    const links = visitor.getByTestId(`public-case-${id}`).getByTestId('public-merchant');
    await links.first().waitFor();
    expect(await links.count()).to.equal(3);
    const name = await links.first().innerText();
    await links.first().click();
    await visitor.getByTestId('merchant-explained').waitFor();
    expect(await visitor.getByTestId('page-merchant').locator('h1').innerText()).to.equal(name);
    await visitor.close();
  });
});
