import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { chainStores } from '../helpers/returns.js';
import { inChromium } from './inChromium.js';

describe('returns in Chromium', function () {
  const e2e = inChromium();

  async function withPage(fn: (page: Page) => Promise<void>) {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await fn(page);
    } finally {
      await context.close();
    }
  }

  it('the chain publishes a province-wide commitment from its commitments page', async () => {
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.getByTestId('nav-my-commitments').click();
      await page.getByTestId('publish-form').waitFor();
      await page.getByTestId('publish-scope').selectOption('chain_province');
      await page.getByTestId('publish-exclude-jewelry').check();
      await page.getByTestId('publish-submit').click();
      await page.getByTestId('my-commitments').getByTestId('commitment-badge').waitFor();
    });
    const items = (await signedIn(e2e.srv.url, DEMO.consumer).then((c) => c.get('/return-commitments'))).body.items;
    expect(items).to.have.length(1);
    expect(items[0]).to.include({ scope: 'chain_province', windowDays: 7, merchantName: e2e.world.chain.name });
    expect(items[0].excludedCategories).to.deep.equal(['jewelry']);
  });

  let code = '';

  it('warns before publishing a commitment that overlaps the active one, and says which', async () => {
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.getByTestId('nav-my-commitments').click();
      await page.getByTestId('my-commitments').getByTestId('commitment-badge').waitFor();
      const warning = page.getByTestId('publish-overlap');
      await warning.waitFor();
      const text = await warning.innerText();
      expect(text).to.contain('全省异地异店通退').and.to.contain('杭州西湖店').and.to.contain('7 天退货');
      expect(await page.getByTestId('publish-submit').innerText()).to.equal('仍然发布');
    });
  });

  it('staff at the Ningbo store record goods bought in Hangzhou, see them covered, and honour the return', async () => {
    const s = chainStores(e2e.world);
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.getByTestId('nav-returns-desk').click();
      await page.getByTestId('return-form').waitFor();
      await page.getByTestId(`return-purchase-store-option-${s.hzXihu}`).click();
      await page.getByTestId(`return-return-store-option-${s.nbHaishu}`).click();
      await page.getByTestId('return-amount').fill('259.00');
      await page.getByTestId('return-product').fill('蓝牙耳机');
      await page.getByTestId('return-category').selectOption('electronics');
      await page.getByTestId('return-submit').click();

      const result = page.getByTestId('return-result');
      await result.getByTestId('coverage-verdict').waitFor();
      expect(await result.getByTestId('coverage-verdict').getAttribute('data-covered')).to.equal('true');
      // City names arrive with the region list, a moment after the verdict.
      await result
        .getByTestId('reason-cross_city_allowed')
        .filter({ hasText: /杭州.*宁波/ })
        .waitFor();
      expect(await result.getByTestId('reason-within_window').count()).to.equal(1);
      code = (await result.getByTestId('return-claim-code').locator('strong').innerText()).trim();

      await result.getByTestId('return-honor').click();
      await result.getByTestId('return-confirm').click();
      await page.getByTestId('desk-notice').waitFor();
      await result.getByTestId('return-status').filter({ hasText: '已退款' }).waitFor();
      await page.getByTestId('desk-figures').waitFor();
      // The desk's list counts the new return at once.
      await page.locator('[data-testid="result-count"][data-count="1"]').waitFor();
    });
    const stored = await ReturnRequestModel.find({}).lean();
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({ status: 'honored', covered: true, crossCity: true, refundFen: 25900, breach: false });
    expect(String(stored[0]!.returnStoreId)).to.equal(s.nbHaishu);
  });

  it('the customer claims the desk return with the code on the receipt and finds it in their own list', async () => {
    expect(code).to.match(/^[2-9A-HJ-NP-Z]{10}$/);
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.consumer);
      await page.getByTestId('nav-returns').click();
      const form = page.getByTestId('return-claim-form');
      await form.waitFor();
      await page.getByTestId('return-claim-code-input').fill(code.toLowerCase());
      await page.getByTestId('return-claim-consent').check();
      await page.getByTestId('return-claim-submit').click();
      await page.getByTestId('returns-table').getByText('蓝牙耳机').waitFor();
    });
    const stored = (await ReturnRequestModel.findOne({ claimCode: code }).lean())!;
    expect(String(stored.consumerId)).to.equal(String(e2e.world.users.get(DEMO.consumer)!._id));
    expect(stored.contactAgreement).to.equal(true);
  });

  it('a consumer finds both stores of the chain with the store search and reads until when and how fast', async () => {
    const s = chainStores(e2e.world);
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.consumer);
      await page.getByTestId('nav-returns').click();
      const form = page.getByTestId('return-form');
      // The store of purchase: by merchant name, narrowed to Ningbo.
      await form.getByTestId('return-return-store-hint').waitFor();
      await form.getByTestId('return-purchase-store-search').fill('万家福');
      await form.getByTestId('return-purchase-store-city').selectOption('3302');
      await form.getByTestId(`return-purchase-store-option-${s.nbHaishu}`).click();
      expect(await form.getByTestId(`return-purchase-store-option-${s.hzXihu}`).count()).to.equal(0);
      // The return store: only the same merchant's stores are offered.
      await form.getByTestId('return-return-store-search').fill('西湖');
      await form.getByTestId(`return-return-store-option-${s.hzXihu}`).click();
      expect(await form.getByTestId(`return-return-store-option-${s.shop}`).count()).to.equal(0);
      await form.getByTestId('return-amount').fill('99.00');
      await form.getByTestId('return-product').fill('羊毛围巾');
      await form.getByTestId('return-category').selectOption('clothing');
      // Hold the request so the button can be seen while it works: readable, busy, not blank.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/return-requests', async (route) => {
        await held;
        await route.continue();
      });
      const submit = form.getByTestId('return-submit');
      await submit.click();
      await form.locator('[data-testid="return-submit"][aria-busy="true"]').waitFor();
      expect(await submit.innerText()).to.contain('处理中');
      expect(await submit.locator('.spinner').count()).to.equal(1);
      const look = await submit.evaluate((b) => ({ color: getComputedStyle(b).color, background: getComputedStyle(b).backgroundColor }));
      expect(look.color, 'busy button text must stand out from its background').not.to.equal(look.background);
      expect(look.background).not.to.match(/^rgba?\(2[45]\d, 2[45]\d, 2[45]\d/);
      release();

      // The list already holds the claimed desk return: wait for this request's own row.
      const row = page.getByTestId('returns-table').locator('tbody tr', { hasText: '羊毛围巾' });
      await row.getByTestId('coverage-terms').waitFor();
      expect(await row.getByTestId('coverage-verdict').getAttribute('data-covered')).to.equal('true');
      const terms = await row.getByTestId('coverage-terms').innerText();
      expect(terms).to.match(/退货截止日：\d{4}-\d{2}-\d{2}/);
      expect(terms).to.match(/承诺 \d+ 小时内退款/);
    });
    const stored = await ReturnRequestModel.find({ 'product.name': '羊毛围巾' }).lean();
    expect(stored.map((r) => String(r.purchaseStoreId))).to.deep.equal([s.nbHaishu]);
  });

  it('shows the registry with its badge to a visitor who is not signed in, with working filters', async () => {
    await withPage(async (page) => {
      await page.goto(e2e.srv.url + '/commitments');
      const list = page.getByTestId('registry-list');
      await list.waitFor();
      expect(await list.innerText()).to.contain(e2e.world.chain.name);
      expect(await list.getByTestId('commitment-badge').count()).to.equal(1);
      expect(await page.getByTestId('result-count').innerText()).to.equal('共 1 条');
      expect(await list.getByTestId('commitment-honor-rate').innerText()).to.contain('100.0%');
      await page.getByTestId('registry-category').selectOption('fresh_food');
      await page.getByTestId('empty-state').waitFor();
      await page.getByTestId('registry-category').selectOption('clothing');
      await page.getByTestId('registry-list').waitFor();
      // The badge leads to the merchant's public profile with its credit tier.
      await page.getByTestId('registry-list').getByTestId('commitment-merchant').first().click();
      await page.getByTestId('merchant-profile').getByTestId('credit-tier').waitFor();
    });
  });

  it('gives the regulator the compliance view with its trend chart', async () => {
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.regulatorZj);
      await page.getByTestId('nav-compliance').click();
      await page.getByTestId('compliance-form').waitFor();
      await page.getByTestId('compliance-trend').locator('canvas').waitFor();
      expect(await page.getByTestId('compliance-threshold').inputValue()).to.equal('90');
    });
  });
});
