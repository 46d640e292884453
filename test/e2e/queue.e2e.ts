// The regulator queue in Chromium over the demo complaints: a dashboard drill-down's filters shown by
// name with the result count, each removable; a city or county officer's region filter offers only
// their jurisdiction. Any page or console error fails the test.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { seedComplaints } from '../../server/seed/complaints.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { launchBrowser, signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('the regulator queue in Chromium', function () {
  let srv: TestServer;
  let browser: Browser;
  let world: DemoWorld;

  before(async () => {
    world = await freshWorld();
    await seedComplaints(world);
    srv = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  async function signedInPage(email: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInAs(page, srv.url, email);
    return page;
  }
  const options = (page: Page, testId: string) => page.getByTestId(testId).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const shownCount = async (page: Page) => {
    await page.locator('[data-testid="result-count"]:not([data-count=""])').waitFor();
    return Number(await page.getByTestId('result-count').getAttribute('data-count'));
  };

  it('shows a drill-down’s filters by name with the result count, each removable', async () => {
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const count = async (q: Record<string, string>) => (await hz.get(`/complaints/counts?${new URLSearchParams(q).toString()}`)).body.count as number;
    const page = await signedInPage(DEMO.regulatorHz);
    // The link a merchant's count on the dashboard's top list makes (dashboard/drill.ts queueLink).
    const merchantId = String(world.chain._id);
    await page.goto(`${srv.url}/queue?status=&city=3301&merchantId=${merchantId}`);
    await page.getByTestId('page-queue').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="active-filter-merchant"]')?.textContent?.includes('万家福'));
    expect(await page.getByTestId('active-filter-region').innerText()).to.contain('杭州市');
    expect(await page.getByTestId('active-filter-status').innerText()).to.contain('全部状态');
    const withMerchant = await count({ countyCode: '3301', merchantId });
    expect(withMerchant).to.be.above(0);
    expect(await shownCount(page)).to.equal(withMerchant);
    expect(await page.getByTestId('result-count').innerText()).to.equal(`共 ${withMerchant} 件投诉`);
    // Only that merchant's complaints are listed.
    const merchants = await page.locator('[data-testid="queue"] tbody tr td:nth-child(3) > div:first-child, [data-testid="queue-urgent"] tbody tr td:nth-child(3) > div:first-child').allInnerTexts();
    expect(merchants.length).to.be.above(0);
    expect(new Set(merchants)).to.deep.equal(new Set([world.chain.name]));

    await page.getByTestId('remove-filter-merchant').click();
    await page.getByTestId('active-filter-merchant').waitFor({ state: 'detached' });
    const all = await count({ countyCode: '3301' });
    await page.waitForFunction((n) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') === String(n), all);
    expect(new URL(page.url()).searchParams.has('merchantId')).to.equal(false);
    expect(all).to.be.above(withMerchant);

    await page.getByTestId('clear-filters').click();
    await page.getByTestId('active-filter-region').waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') === String(n), await count({ status: 'open' }));
    expect(await page.getByTestId('active-filters').locator('[data-testid^="active-filter-"]').count()).to.equal(0);
    await page.context().close();
  });

  it('offers a city or county officer only the regions of their jurisdiction', async () => {
    const hz = await signedInPage(DEMO.regulatorHz);
    await hz.getByTestId('nav-queue').click();
    await hz.waitForFunction(() => document.querySelectorAll('[data-testid="filter-city"] option').length > 1);
    expect(await options(hz, 'filter-city')).to.deep.equal(['', '3301']);
    await hz.context().close();

    const yw = await signedInPage(DEMO.regulatorYw);
    await yw.getByTestId('nav-queue').click();
    await yw.waitForFunction(() => document.querySelectorAll('[data-testid="filter-city"] option').length > 1);
    expect(await options(yw, 'filter-city')).to.deep.equal(['', '3307']);
    await yw.getByTestId('filter-city').selectOption('3307');
    await yw.waitForFunction(() => document.querySelectorAll('[data-testid="filter-county"] option').length > 1);
    expect(await options(yw, 'filter-county')).to.deep.equal(['', '330782']);
    await yw.context().close();

    const zj = await signedInPage(DEMO.regulatorZj);
    await zj.getByTestId('nav-queue').click();
    await zj.waitForFunction(() => document.querySelectorAll('[data-testid="filter-city"] option').length > 1);
    expect(await options(zj, 'filter-city')).to.have.length(12);
    await zj.context().close();
  });
});
