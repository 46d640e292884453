// The merchant inbox in Chromium over the demo complaints: four tabs with the counts the database
// holds, the to-do only what awaits the merchant by soonest deadline, the bureau's complaints in their
// own tab, a search, and a complaint filed meanwhile shown at once at the top (no reload, no
// scrolling), marked new until opened; English labels. Any page or console error fails the test.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { seedComplaints } from '../../server/seed/complaints.js';
import { signInAs } from '../helpers/browser.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

const TAB_STATUSES = {
  todo: ['awaiting_merchant'],
  responded: ['merchant_responded'],
  bureau: ['awaiting_regulator', 'in_mediation'],
  closed: ['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn'],
} as const;

describe('the merchant inbox in Chromium', function () {
  const e2e = inChromium(async (world) => {
    await seedComplaints(world);
  });

  const rowStatuses = (page: Page, table: string) =>
    page
      .locator(`[data-testid="${table}"] tbody tr`)
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-testid')!.replace('complaint-row-', ''), r.getAttribute('data-status')!]),
      );
  const tabCount = async (page: Page, tab: string) =>
    Number(await page.getByTestId(`inbox-tab-${tab}`).getByTestId('tab-count').innerText());
  const chainCount = (statuses: readonly string[]) =>
    ComplaintModel.countDocuments({ merchantId: e2e.world.chain._id, status: { $in: [...statuses] } });

  it('tabs by who acts next with their counts, the to-do by deadline, search, a new complaint live at the top until opened', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.merchant);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="tab-count"]')?.textContent?.includes('…'));

    const expected: Record<string, number> = {};
    for (const [tab, statuses] of Object.entries(TAB_STATUSES)) {
      expected[tab] = await chainCount(statuses);
      expect(await tabCount(page, tab), tab).to.equal(expected[tab]);
    }
    expect(expected.todo, 'the demo chain has complaints to answer').to.be.above(0);
    expect(expected.bureau, 'and complaints with the bureau').to.be.above(0);

    // The to-do holds only what awaits the merchant, soonest deadline first.
    const todo = await rowStatuses(page, 'inbox');
    expect(todo.length).to.equal(Math.min(20, expected.todo!));
    expect(new Set(todo.map(([, s]) => s))).to.deep.equal(new Set(['awaiting_merchant']));
    const due = new Map(
      (await ComplaintModel.find({ _id: { $in: todo.map(([id]) => id) } }, { deadlines: 1 }).lean()).map((c) => [
        String(c._id),
        new Date(c.deadlines!.current!.dueAt!).getTime(),
      ]),
    );
    const order = todo.map(([id]) => due.get(id!)!);
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));

    // The bureau's complaints have their own tab.
    await page.getByTestId('inbox-tab-bureau').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-tab-bureau"]')?.getAttribute('aria-selected') === 'true');
    await page
      .locator(
        '[data-testid="inbox"] tbody tr[data-status="awaiting_regulator"], [data-testid="inbox"] tbody tr[data-status="in_mediation"]',
      )
      .first()
      .waitFor();
    const bureau = await rowStatuses(page, 'inbox');
    expect(bureau.length).to.equal(Math.min(20, expected.bureau!));
    expect(bureau.every(([, s]) => (TAB_STATUSES.bureau as readonly string[]).includes(s!))).to.equal(true);

    // A search by number finds that complaint and counts it in its tab.
    const one = await ComplaintModel.findOne({ merchantId: e2e.world.chain._id, status: 'merchant_responded' }, { number: 1 }).lean();
    await page.getByTestId('inbox-q').fill(one!.number);
    await page.getByTestId('inbox-search').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="inbox-tab-responded"] [data-testid="tab-count"]')?.textContent === '1',
    );
    expect(await tabCount(page, 'todo')).to.equal(0);
    await page.getByTestId('inbox-tab-responded').click();
    await page.waitForFunction(
      (id) =>
        document.querySelectorAll('[data-testid="inbox"] tbody tr').length === 1 &&
        !!document.querySelector(`[data-testid="complaint-row-${id}"]`),
      String(one!._id),
    );
    await page.getByTestId('inbox-q').fill('');
    await page.getByTestId('inbox-search').click();
    await page.getByTestId('inbox-tab-todo').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="inbox"] tbody tr').length === n,
      Math.min(20, expected.todo!),
    );

    // Filed now: its deadline is the latest, yet it shows at once above the list, marked new, without a reload.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const filed = await fileVia(
      consumer,
      filing(e2e.world, '330106', { product: { name: '空气炸锅', category: 'household_appliance', brand: '美家' } }),
    );
    const row = page.getByTestId('inbox-new').getByTestId(`complaint-row-${filed.id}`);
    await row.getByTestId('new-badge').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).to.equal(true);
    const box = await row.boundingBox();
    expect(await page.evaluate(() => window.scrollY)).to.equal(0);
    expect(box!.y + box!.height).to.be.at.most(768);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="inbox-tab-todo"] [data-testid="tab-count"]')?.textContent === String(n),
      expected.todo! + 1,
    );
    expect(await page.getByTestId('inbox').getByTestId(`complaint-row-${filed.id}`).count(), 'listed once').to.equal(0);

    // Opened, it is no longer new.
    await row.getByTestId('complaint-link').click();
    await page.getByTestId('respond-form').waitFor();
    await page.goBack();
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('inbox-tab-todo').waitFor();
    expect(await page.getByTestId('inbox-new').count()).to.equal(0);
    expect(await page.getByTestId('new-badge').count()).to.equal(0);

    // English names for the tabs.
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('inbox-tab-todo').innerText()).to.match(/^To answer/);
    expect(await page.getByTestId('inbox-tab-bureau').innerText()).to.match(/^With the regulator/);
    await context.close();
  });

  it('tells the consumer how many complaints their list holds', async () => {
    const total = await ComplaintModel.countDocuments({ consumerId: e2e.world.users.get(DEMO.consumer)!._id });
    expect(total).to.be.above(20);
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.consumer);
    await page.getByTestId('nav-complaints').click();
    await page.locator(`[data-testid="result-count"][data-count="${total}"]`).waitFor();
    expect(await page.getByTestId('result-count').innerText()).to.equal(`共 ${total} 件投诉`);
    await context.close();
  });
});
