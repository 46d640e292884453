// The 用户 page in Chromium: an admin searches and filters accounts, invites one (the link sets a
// password and signs in), disables and restores an account, and reads the audit trail; a bureau sees
// only its officers. Any uncaught page error fails the test.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { UserModel } from '../../server/models/User.js';
import { invitationToken } from '../helpers/accounts.js';
import { launchBrowser, signInAs } from '../helpers/browser.js';
import { watchPageErrors } from '../helpers/pageErrors.js';
import { DEMO } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('user management in Chromium', function () {
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

  it('an admin searches, invites, disables and restores accounts, with the trail on the page', async () => {
    await withPage(async (page) => {
      await signInAs(page, srv.url, DEMO.admin);
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
      expect(await page.getByTestId('audit-trail').innerText()).to.match(/停用了/).and.to.match(/恢复了/);
    });
  });

  it('the invitation link sets a password and opens the app signed in', async () => {
    const token = await invitationToken('admin2@example.com');
    await withPage(async (page) => {
      await page.goto(`${srv.url}/invitation/${token}`);
      await page.getByTestId('accept-form').waitFor();
      await page.getByTestId('accept-password').fill('a-new-admin-password');
      await page.getByTestId('accept-submit').click();
      await page.getByTestId('nav').waitFor();
      expect((await UserModel.findOne({ email: 'admin2@example.com' }).lean())!.status).to.equal('active');
    });
  });

  it('a bureau sees and invites only its own officers; a merchant invites staff to one store', async () => {
    await withPage(async (page) => {
      await signInAs(page, srv.url, DEMO.regulatorHz);
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
      await signInAs(page, srv.url, DEMO.merchant);
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
  });
});
