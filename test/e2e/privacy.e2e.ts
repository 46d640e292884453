// 我的数据 and 开放数据 in Chromium: the consumer reads who viewed their data, downloads it and closes
// the account; a visitor reads the open-data figures, files and data dictionary signed out.
// Any page or console error fails the test.
import fs from 'node:fs';
import { expect } from 'chai';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { runExport } from '../../server/openData/export.js';
import { accessLogSettled } from '../../server/privacy/accessLog.js';
import { signInAs } from '../helpers/browser.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { publicRecord } from '../helpers/openData.js';
import { inChromium } from './inChromium.js';

describe('my data and open data in Chromium', function () {
  let number = '';

  const e2e = inChromium();

  before(async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const c = await fileVia(consumer, filing(e2e.world, '330106', { contactAgreement: true }));
    number = c.number;
    const merchant = await signedIn(e2e.srv.url, DEMO.merchant);
    expect((await merchant.get(`/complaints/${c.id}`)).body.consumer).to.be.an('object');
    await accessLogSettled();
  });

  it('shows the consumer who viewed their data, downloads it, and closes the account after confirmation', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.consumer);
    await page.getByTestId('nav-my-data').first().click();
    const log = page.getByTestId('access-log');
    await log.waitFor();
    const row = await log.locator('tbody tr').first().innerText();
    expect(row).to.contain(e2e.world.users.get(DEMO.merchant)!.name);
    expect(row).to.contain(number);
    expect(row).to.contain('投诉详情（含身份）');
    expect(await page.getByTestId('access-log-count').innerText()).to.equal('共 1 条');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-my-data').click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).to.equal('PK');

    // Not without the tick; then closed, signed out, and the password opens nothing.
    await page.locator('input[name="password"]').fill('Fangxin-Demo-2026');
    await page.getByTestId('close-account-submit').click();
    expect(await page.getByTestId('close-account-error').innerText()).to.contain('我明白注销后无法恢复');
    await page.getByTestId('close-account-confirm').check();
    await page.getByTestId('close-account-submit').click();
    await page.waitForURL(/\/login$/);
    await page.locator('input[name="email"]').fill(DEMO.consumer);
    await page.locator('input[name="password"]').fill('Fangxin-Demo-2026');
    await page.getByTestId('login-submit').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('nav').count()).to.equal(0);
    await context.close();
  });

  it('shows the open-data figures, files and dictionary signed out, in Chinese and English', async () => {
    await PublicComplaintModel.create(publicRecord(e2e.world, 0, { category: 'toy', publishedAt: new Date() }));
    await runExport(new Date());
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${e2e.srv.url}/open-data`);
    const figures = page.getByTestId('open-data-figures');
    await figures.waitFor();
    expect(await figures.locator('tbody tr').first().innerText()).to.contain(e2e.world.chain.name);
    await page.getByTestId('open-data-tab-county').click();
    await figures.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('open-data-file-complaints.csv').getAttribute('href')).to.match(
      /^\/api\/open-data\/exports\/\d{4}-\d{2}-\d{2}\/complaints\.csv$/,
    );
    await page.getByTestId('open-data-dictionary-link').click();
    await page.getByTestId('dictionary-complaints').waitFor();
    expect(await page.getByTestId('dictionary-complaints').innerText()).to.contain('商家名称');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('dictionary-figures').innerText()).to.contain('Remedy confirmed');
    await page.close();
  });
});
