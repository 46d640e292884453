// Deadlines that pause, in Chromium: the Hangzhou bureau opens a complaint filed on 2026-09-17 (server
// clock), reads why it is due on 10-08, pauses it for testing on 09-22 and resumes it on 09-29; the page
// then explains the new due day (10-13) with the pause, the 调休 days and National Day, in Chinese,
// and the consumer reads the same in English. Any page or console error fails the test.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { testClock } from '../../server/clock.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { signInAs, switchSignedInToEnglish } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

const at10 = (day: string) => new Date(`${day}T02:00:00Z`);

describe('deadline pauses in Chromium', function () {
  this.timeout(180_000);
  let id = '';

  const e2e = inChromium();

  before(async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    testClock.set(at10('2026-09-17'));
    id = (await fileVia(consumer, filing(e2e.world, '330106'))).id;
  });
  after(async () => {
    testClock.reset();
  });

  async function pageAs(email: string, locale: 'zh-CN' | 'en'): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, email);
    // The language a user picked is remembered for the user; the shell's switch picks English.
    if (locale === 'en') {
      await switchSignedInToEnglish(page);
    }
    return page;
  }
  const explanation = (page: Page) => page.getByTestId('deadline-explanation').innerText();
  const waitPaused = (page: Page, paused: boolean) =>
    page.waitForFunction(
      (p) => document.querySelector('[data-testid="deadline-panel"]')?.getAttribute('data-paused') === String(p),
      paused,
    );

  it('the bureau pauses for testing and resumes; the page explains the moved deadline in both languages', async () => {
    testClock.set(at10('2026-09-22'));
    const bureau = await pageAs(DEMO.regulatorHz, 'zh-CN');
    await bureau.goto(`${e2e.srv.url}/complaints/${id}`);
    await bureau.getByTestId('deadline-panel').waitFor();
    expect(await explanation(bureau)).to.equal(
      '2026-10-08 到期：09-17 提交后 10 个工作日，调休上班日 09-20 计入，中秋 09-25，国庆节 10-01、10-02、10-05、10-06、10-07 不计',
    );
    await bureau.getByTestId('pause-reason').selectOption('testing');
    await bureau.getByTestId('pause-submit').click();
    await waitPaused(bureau, true);
    expect(await explanation(bureau)).to.contain('09-22 起因检测暂停，至今 0 个工作日');
    expect(await bureau.getByTestId('deadline').getAttribute('data-paused')).to.equal('true');
    await bureau.locator('[data-testid="timeline-event"][data-action="pause_deadline"]').waitFor();

    testClock.set(at10('2026-09-29'));
    await bureau.getByTestId('resume-deadline').click();
    await waitPaused(bureau, false);
    expect(await explanation(bureau)).to.equal(
      '2026-10-13 到期：09-17 提交后 10 个工作日，调休上班日 09-20、10-10 计入，中秋 09-25，国庆节 10-01、10-02、10-05、10-06、10-07 不计，因检测暂停 4 个工作日（09-22 至 09-29）',
    );
    await bureau.locator('[data-testid="timeline-event"][data-action="resume_deadline"]').waitFor();

    const consumer = await pageAs(DEMO.consumer, 'en');
    await consumer.goto(`${e2e.srv.url}/complaints/${id}`);
    await consumer.getByTestId('deadline-panel').waitFor();
    expect(await explanation(consumer)).to.equal(
      'due 2026-10-13: filed 09-17 + 10 working days, weekend workdays (调休) 09-20, 10-10 counted, Mid-autumn Festival 09-25, National Day 10-01, 10-02, 10-05, 10-06, 10-07 skipped, paused 4 working days for testing (09-22 to 09-29)',
    );
    // The consumer reads the pause; only the bureau acts on it.
    expect(await consumer.getByTestId('resume-deadline').count()).to.equal(0);
    expect(await consumer.getByTestId('pause-submit').count()).to.equal(0);
    await consumer.locator('[data-testid="timeline-event"][data-action="pause_deadline"]', { hasText: 'testing' }).waitFor();
  });
});
