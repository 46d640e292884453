// The regulator queue in Chromium over the demo complaints: a dashboard drill-down's filters shown by
// name with the result count, each removable; a city or county officer's region filter offers only
// their jurisdiction. Any page or console error fails the test.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { seedComplaints } from '../../server/seed/complaints.js';
import { signInAs, switchSignedInToEnglish } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { flagHangzhouHeater } from '../helpers/products.js';
import { inChromium } from './inChromium.js';

describe('the regulator queue in Chromium', function () {
  const e2e = inChromium(async (world) => {
    await seedComplaints(world);
    // A heater complained of at three Hangzhou merchants: a flag, and a week above its baseline.
    await flagHangzhouHeater(world, 'layout', { count: 8, spanDays: 5 });
  });

  async function signedInPage(email: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, email);
    return page;
  }
  const options = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const shownCount = async (page: Page) => {
    await page.locator('[data-testid="result-count"]:not([data-count=""])').waitFor();
    return Number(await page.getByTestId('result-count').getAttribute('data-count'));
  };

  it('shows a drill-down’s filters by name with the result count, each removable', async () => {
    const hz = await signedIn(e2e.srv.url, DEMO.regulatorHz);
    const count = async (q: Record<string, string>) =>
      (await hz.get(`/complaints/counts?${new URLSearchParams(q).toString()}`)).body.count as number;
    const page = await signedInPage(DEMO.regulatorHz);
    // The link a merchant's count on the dashboard's top list makes (dashboard/drill.ts queueLink).
    const merchantId = String(e2e.world.chain._id);
    await page.goto(`${e2e.srv.url}/queue?status=&city=3301&merchantId=${merchantId}`);
    await page.getByTestId('page-queue').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="active-filter-merchant"]')?.textContent?.includes('万家福'));
    expect(await page.getByTestId('active-filter-region').innerText()).to.contain('杭州市');
    expect(await page.getByTestId('active-filter-status').innerText()).to.contain('全部状态');
    const withMerchant = await count({ countyCode: '3301', merchantId });
    expect(withMerchant).to.be.above(0);
    expect(await shownCount(page)).to.equal(withMerchant);
    expect(await page.getByTestId('result-count').innerText()).to.equal(`共 ${withMerchant} 件投诉`);
    // Only that merchant's complaints are listed (the count can show before the rows do).
    await page.locator('[data-testid="queue"] tbody tr, [data-testid="queue-urgent"] tbody tr').first().waitFor();
    const merchants = await page
      .locator(
        '[data-testid="queue"] tbody tr td:nth-child(4) > div:first-child, [data-testid="queue-urgent"] tbody tr td:nth-child(4) > div:first-child',
      )
      .allInnerTexts();
    expect(merchants.length).to.be.above(0);
    expect(new Set(merchants)).to.deep.equal(new Set([e2e.world.chain.name]));

    await page.getByTestId('remove-filter-merchant').click();
    await page.getByTestId('active-filter-merchant').waitFor({ state: 'detached' });
    const all = await count({ countyCode: '3301' });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') === String(n),
      all,
    );
    expect(new URL(page.url()).searchParams.has('merchantId')).to.equal(false);
    expect(all).to.be.above(withMerchant);

    await page.getByTestId('clear-filters').click();
    await page.getByTestId('active-filter-region').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') === String(n),
      await count({ status: 'open' }),
    );
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

  /** A table shown as cards: no header row, every cell a full-width line with its column's name, nothing wider than the page. */
  async function expectCards(page: Page, table: string) {
    const t = page.getByTestId(table);
    await t.locator('tbody tr').first().waitFor({ timeout: 20_000 });
    const shape = await t.evaluate((el) => ({
      thead: getComputedStyle(el.querySelector('thead')!).display,
      narrowest: Math.min(...[...el.querySelectorAll('tbody td')].map((td) => td.getBoundingClientRect().width)),
      labels: [...el.querySelectorAll('tbody tr:first-child td')].map((td) => getComputedStyle(td, '::before').content),
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect(shape.thead, table).to.equal('none');
    expect(shape.narrowest, `${table}: narrowest cell`).to.be.above(250);
    expect(
      shape.labels.every((l) => l !== 'none' && l.length > 2),
      `${table}: ${shape.labels.join(' ')}`,
    ).to.equal(true);
    expect(shape.pageWidth, `${table}: page width`).to.be.at.most(390);
  }

  it('shows queues, flags, cases and hotspots as cards at phone width, and the whole English queue at 1366 px', async () => {
    const hz = await signedIn(e2e.srv.url, DEMO.regulatorHz);
    const flag = (await hz.get('/product-flags')).body.items[0];
    const opened = await hz.post('/enforcement-cases', { flagId: flag.id, note: '立案' });
    expect(opened.status, opened.text).to.equal(201);

    // The navigation folds into a menu at phone width: sign in at desktop width first.
    const phone = await signedInPage(DEMO.regulatorHz);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${e2e.srv.url}/queue`);
    await expectCards(phone, 'queue');
    await phone.goto(`${e2e.srv.url}/flags`);
    await expectCards(phone, 'flags-table');
    await phone.goto(`${e2e.srv.url}/cases`);
    await expectCards(phone, 'cases-table');
    await phone.goto(`${e2e.srv.url}/dashboard`);
    await expectCards(phone, 'hotspot-table');
    await phone.context().close();

    const desk = await signedInPage(DEMO.regulatorHz, { width: 1366, height: 900 });
    await switchSignedInToEnglish(desk);
    await desk.goto(`${e2e.srv.url}/queue`);
    for (const table of ['queue', 'queue-urgent']) {
      await desk.getByTestId(table).locator('tbody tr').first().waitFor();
      const fit = await desk.getByTestId(table).evaluate((el) => {
        const box = el.parentElement!;
        const last = el.querySelector('thead th:last-child')!.getBoundingClientRect();
        return {
          scroll: box.scrollWidth,
          client: box.clientWidth,
          lastRight: last.right,
          boxRight: box.getBoundingClientRect().right,
          header: el.querySelector('thead th:last-child')!.textContent,
        };
      });
      expect(fit.header).to.equal('Filed');
      expect(fit.scroll, `${table} overflows its card`).to.be.at.most(fit.client);
      expect(fit.lastRight, `${table}: last column inside the card`).to.be.at.most(fit.boxRight);
    }
    await desk.context().close();
  });
});
