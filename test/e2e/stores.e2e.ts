// The 门店 page in Chromium: the chain's stores with figures, add one with the county picker, edit its
// county, close it; at phone width the stores are cards. Any uncaught page error fails the test.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { StoreModel } from '../../server/models/Store.js';
import { launchBrowser, signInAs } from '../helpers/browser.js';
import { watchPageErrors } from '../helpers/pageErrors.js';
import { DEMO } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('store management in Chromium', function () {
  let srv: TestServer;
  let browser: Browser;

  before(async () => {
    await freshWorld();
    srv = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  async function withPage(fn: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const check = watchPageErrors(page);
    try {
      await fn(page);
    } finally {
      await context.close();
    }
    check();
  }

  it('lists the chain’s seven stores, adds one in a chosen county, edits it and closes it', async () => {
    await withPage(async (page) => {
      await signInAs(page, srv.url, DEMO.merchant);
      await page.getByTestId('nav-stores').click();
      await page.getByTestId('store-list').waitFor();
      expect(await page.getByTestId('store-list').locator('article').count()).to.equal(7);
      expect(await page.getByTestId('stores-tab-open').innerText()).to.contain('7');
      expect(await page.getByTestId('page-stores').innerText()).not.to.match(/即将上线|coming soon/i);

      await page.getByTestId('store-add').click();
      await page.getByTestId('store-add-form-name').fill('万家福超市 湖州吴兴店');
      await page.getByTestId('store-add-form-region-city').selectOption('3305');
      await page.getByTestId('store-add-form-region-county').selectOption('330502');
      await page.getByTestId('store-add-form-address').fill('湖州市吴兴区红旗路 8 号');
      await page.getByTestId('store-add-form-submit').click();
      await page.getByTestId('stores-notice').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="store-list"] article').length === 8);
      const added = await StoreModel.findOne({ name: '万家福超市 湖州吴兴店' }).lean();
      expect(added).to.include({ countyCode: '330502', cityCode: '3305', status: 'open' });
      const card = page.getByTestId(`store-${added!._id}`);
      expect(await card.innerText()).to.contain('吴兴区');

      await card.getByTestId('store-edit').click();
      await card.getByTestId('store-edit-form-region-city').selectOption('3305');
      await card.getByTestId('store-edit-form-region-county').selectOption('330503');
      await card.getByTestId('store-edit-form-submit').click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="store-${id}"]`)?.textContent?.includes('南浔区'),
        String(added!._id),
      );
      expect((await StoreModel.findById(added!._id).lean())!.countyCode).to.equal('330503');

      page.once('dialog', (d) => void d.accept());
      await card.getByTestId('store-close').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="store-list"] article').length === 7);
      expect((await StoreModel.findById(added!._id).lean())!.status).to.equal('closed');
      await page.getByTestId('stores-tab-closed').click();
      await page.getByTestId(`store-${added!._id}`).waitFor();
      expect(await page.getByTestId('stores-tab-closed').innerText()).to.contain('1');
    });
  });

  it('shows the stores as one column of cards at phone width', async () => {
    await withPage(async (page) => {
      await signInAs(page, srv.url, DEMO.merchant);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(srv.url + '/stores');
      await page.getByTestId('store-list').waitFor();
      const boxes = await page
        .getByTestId('store-list')
        .locator('article')
        .evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes[1]!.top, 'second card below the first').to.be.greaterThan(boxes[0]!.bottom - 1);
      expect(boxes[0]!.width).to.be.greaterThan(300);
    });
  });
});
