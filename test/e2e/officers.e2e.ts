// A bureau's officers in Chromium: the bureau admin assigns a complaint on its page; the officer,
// watching 我的 on a phone, sees it arrive live, opens it and writes an internal note, which the
// admin then sees and the consumer never does. Any page or console error fails the test.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createOfficers } from '../../server/seed/officers.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

const OFFICER = { email: 'wangmin.hz@example.com', name: '杭州市市场监管局 王敏' };

describe('officers and assignment in Chromium', function () {
  // Two signed-in browsers and live events: slow on a loaded machine, so a generous cap.
  this.timeout(180_000);
  let id = '';
  const more: string[] = [];

  const e2e = inChromium(async (world) => {
    await createOfficers(world.users.get(DEMO.regulatorHz)!, [OFFICER]);
  });

  before(async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    id = (await fileVia(consumer, filing(e2e.world, '330106'))).id;
    for (let i = 0; i < 2; i++) more.push((await fileVia(consumer, filing(e2e.world, '330106'))).id);
  });

  async function signedInPage(email: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    // The navigation the sign-in waits for is folded away on a phone: sign in wide, then narrow.
    await signInAs(page, e2e.srv.url, email);
    await page.setViewportSize(viewport);
    return page;
  }

  it('the admin assigns; the officer sees it arrive in 我的 live and writes a note', async () => {
    const officer = await signedInPage(OFFICER.email, { width: 390, height: 844 });
    await officer.goto(`${e2e.srv.url}/queue`);
    await officer.getByTestId('queue-view-mine').click();
    await officer.waitForURL(/assignee=me/);
    await officer.getByTestId('empty-state').waitFor();
    const row = officer.locator(`a[href="/complaints/${id}"]`);
    expect(await row.count()).to.equal(0);

    const admin = await signedInPage(DEMO.regulatorHz, { width: 1366, height: 900 });
    await admin.goto(`${e2e.srv.url}/complaints/${id}`);
    await admin.getByTestId('assign-panel').waitFor();
    expect(await admin.getByTestId('assignee').innerText()).to.contain('尚未分配');
    await admin.getByTestId('assign-officer').selectOption({ label: OFFICER.name });
    await admin.getByTestId('assign-submit').click();
    await admin.waitForFunction((name) => document.querySelector('[data-testid="assignee"]')?.textContent?.includes(name), OFFICER.name);
    await admin.locator('[data-testid="timeline-event"][data-action="assign"]').waitFor();

    // Live: no reload on the officer's side.
    await row.first().waitFor({ timeout: 15_000 });
    await row.first().click();
    await officer.getByTestId('notes').waitFor();
    expect(await officer.getByTestId('assignee').innerText()).to.contain(OFFICER.name);
    await officer.getByTestId('note-body').fill('已电话联系商家，约定三日内上门检测。');
    await officer.getByTestId('note-add').click();
    await officer.locator('[data-testid="note"]', { hasText: '约定三日内上门检测' }).waitFor();

    await admin.reload();
    await admin.locator('[data-testid="note"]', { hasText: '约定三日内上门检测' }).waitFor();

    const consumer = await signedInPage(DEMO.consumer, { width: 390, height: 844 });
    await consumer.goto(`${e2e.srv.url}/complaints/${id}`);
    await consumer.getByTestId('timeline').waitFor();
    expect(await consumer.getByTestId('notes').count()).to.equal(0);
    expect(await consumer.locator('[data-testid="timeline-event"][data-action="assign"]').count()).to.equal(0);
    expect(await consumer.content()).to.not.contain('约定三日内上门检测');
  });

  it('the officer saves 我的 as a view; a bulk assignment by the admin moves its count live', async () => {
    const officer = await signedInPage(OFFICER.email, { width: 1366, height: 900 });
    await officer.goto(`${e2e.srv.url}/queue?assignee=me`);
    await officer.getByTestId('save-view').click();
    await officer.getByTestId('save-view-name').fill('我的待办');
    await officer.getByTestId('save-view-submit').click();
    const count = officer.locator('[data-testid="saved-view"][data-name="我的待办"] [data-testid="saved-view-count"]');
    await officer.waitForFunction(
      () => document.querySelector('[data-name="我的待办"] [data-testid="saved-view-count"]')?.getAttribute('data-count') === '1',
    );

    const admin = await signedInPage(DEMO.regulatorHz, { width: 1366, height: 900 });
    await admin.goto(`${e2e.srv.url}/queue?assignee=none`);
    for (const other of more) await admin.locator(`[data-testid="complaint-row-${other}"] [data-testid="complaint-select"]`).check();
    expect(await admin.getByTestId('bulk-count').innerText()).to.contain('2');
    await admin.getByTestId('bulk-assignee').selectOption({ label: OFFICER.name });
    await admin.getByTestId('bulk-submit').click();
    await admin.locator('[data-testid="bulk-progress"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await admin.getByTestId('bulk-tally').innerText()).to.contain('已完成 2 件');

    // Live in the officer's navigation, no reload.
    await officer.waitForFunction(
      () => document.querySelector('[data-name="我的待办"] [data-testid="saved-view-count"]')?.getAttribute('data-count') === '3',
      undefined,
      { timeout: 15_000 },
    );
    await count.click();
    await officer.waitForURL(/assignee=me/);
    for (const other of more) await officer.locator(`[data-testid="complaint-row-${other}"]`).waitFor();
  });
});
