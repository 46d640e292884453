// The 门店 and 用户 pages in Chromium: the chain's stores with figures, add one with the county picker,
// edit its county, close it, cards at phone width; an admin searches, invites, disables and restores
// accounts with the trail on the page, the invitation link sets a password; a bureau and a merchant
// invite their own staff. Any uncaught page error or console error fails the test.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { StoreModel } from '../../server/models/Store.js';
import { UserModel } from '../../server/models/User.js';
import { invitationToken } from '../helpers/accounts.js';
import { signInAs } from '../helpers/browser.js';
import { watchPageErrors } from '../helpers/pageErrors.js';
import { DEMO } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

describe('store and user management in Chromium', function () {
  const e2e = inChromium();

  async function withPage(fn: (page: Page) => Promise<void>) {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
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
      await signInAs(page, e2e.srv.url, DEMO.merchant);
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
      // The open edit form shows the new county before the save lands: wait for the stored record.
      for (let i = 0; i < 50 && (await StoreModel.findById(added!._id).lean())!.countyCode !== '330503'; i++)
        await new Promise((r) => setTimeout(r, 100));
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
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(e2e.srv.url + '/stores');
      await page.getByTestId('store-list').waitFor();
      const boxes = await page
        .getByTestId('store-list')
        .locator('article')
        .evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes[1]!.top, 'second card below the first').to.be.greaterThan(boxes[0]!.bottom - 1);
      expect(boxes[0]!.width).to.be.greaterThan(300);
    });
  });

  it('an admin searches, invites, disables and restores accounts, with the trail on the page', async () => {
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.admin);
      await page.getByTestId('nav-users').click();
      await page.getByTestId('account-list').waitFor();
      expect(await page.getByTestId('page-users').innerText()).not.to.match(/即将上线|coming soon/i);
      expect(await page.getByTestId('accounts-count').innerText()).to.contain('7');
      await page.getByTestId('accounts-search').fill('万家福');
      await page.getByTestId('accounts-search-submit').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-list"] li').length === 1);
      await page.getByTestId(`account-${DEMO.merchant}`).waitFor();

      await page.getByTestId('invite-name').fill('新管理员');
      await page.getByTestId('invite-email').fill('admin2@example.com');
      await page.getByTestId('invite-role').selectOption('admin');
      await page.getByTestId('invite-submit').click();
      await page.getByTestId('accounts-notice').waitFor();
      await page.getByTestId('audit-trail').getByText('admin2@example.com').waitFor();

      await page.getByTestId('accounts-search').fill('');
      await page.getByTestId('accounts-status').selectOption('active');
      await page.getByTestId('accounts-search-submit').click();
      const consumer = page.getByTestId(`account-${DEMO.consumer}`);
      await consumer.getByTestId('account-disable').click();
      await page.getByTestId('accounts-status').selectOption('disabled');
      await consumer.getByTestId('account-enable').waitFor();
      expect((await UserModel.findOne({ email: DEMO.consumer }).lean())!.status).to.equal('disabled');
      await consumer.getByTestId('account-enable').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="account-list"] li'));
      expect((await UserModel.findOne({ email: DEMO.consumer }).lean())!.status).to.equal('active');
      // The trail reloads after the list: wait for the restore to reach it before reading it whole.
      await page
        .getByTestId('audit-trail')
        .getByText(/恢复了/)
        .first()
        .waitFor();
      expect(await page.getByTestId('audit-trail').innerText())
        .to.match(/停用了/)
        .and.to.match(/恢复了/);
    });
  });

  it('the invitation link sets a password and opens the app signed in', async () => {
    const token = await invitationToken('admin2@example.com');
    await withPage(async (page) => {
      await page.goto(`${e2e.srv.url}/invitation/${token}`);
      await page.getByTestId('accept-form').waitFor();
      await page.getByTestId('accept-password').fill('a-new-admin-password');
      await page.getByTestId('accept-submit').click();
      await page.getByTestId('nav').waitFor();
      expect((await UserModel.findOne({ email: 'admin2@example.com' }).lean())!.status).to.equal('active');
    });
  });

  it('a bureau sees and invites only its own officers; a merchant invites staff to one store', async () => {
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
      await page.getByTestId('nav-users').click();
      await page.getByTestId('account-list').waitFor();
      expect(await page.getByTestId('account-list').locator('li').count()).to.equal(1);
      await page.getByTestId('invite-name').fill('杭州 新同事');
      await page.getByTestId('invite-email').fill('officer@example.com');
      await page.getByTestId('invite-submit').click();
      await page.getByTestId('account-officer@example.com').waitFor();
      expect((await UserModel.findOne({ email: 'officer@example.com' }).lean())!.regionCode).to.equal('3301');
    });
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.getByTestId('nav-stores').click();
      await page.getByTestId('invite-form').waitFor();
      const store = await page.getByTestId('invite-store').locator('option').nth(1).getAttribute('value');
      await page.getByTestId('invite-name').fill('店员');
      await page.getByTestId('invite-email').fill('staff@example.com');
      await page.getByTestId('invite-store').selectOption(store!);
      await page.getByTestId('invite-submit').click();
      await page.getByTestId('account-staff@example.com').waitFor();
      expect(String((await UserModel.findOne({ email: 'staff@example.com' }).lean())!.storeId)).to.equal(store);
    });
    // Store staff work the store's complaints; the merchant's credit is headquarters' to see and contest.
    const token = await invitationToken('staff@example.com');
    await withPage(async (page) => {
      await page.goto(`${e2e.srv.url}/invitation/${token}`);
      await page.getByTestId('accept-password').fill('a-new-staff-password');
      await page.getByTestId('accept-submit').click();
      await page.getByTestId('nav-inbox').waitFor();
      expect(await page.getByTestId('nav-credit').count()).to.equal(0);
    });
    await withPage(async (page) => {
      await signInAs(page, e2e.srv.url, DEMO.merchant);
      await page.getByTestId('nav-credit').waitFor();
    });
  });
});
