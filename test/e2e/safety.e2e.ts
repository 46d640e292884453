// Incident reports and post-sampling follow-ups in Chromium: the chain reports an incident with a
// product it describes, and the Hangzhou bureau's incident list shows it live; the bureau reads an
// overdue follow-up with its figures and records the re-sampling; the same pages in English.
// Any page or console error fails the test.
import { expect } from 'chai';
import { signInAs } from '../helpers/browser.js';
import { DEMO } from '../helpers/http.js';
import { plantFollowUp } from '../helpers/safety.js';
import { inChromium } from './inChromium.js';

describe('incident reports and follow-ups in Chromium', function () {
  let followUpId = '';

  const e2e = inChromium();

  before(async () => {
    followUpId = await plantFollowUp(e2e.world, {
      orderedAt: new Date('2026-09-01T02:00:00Z'),
      rectificationDueAt: new Date('2026-09-29T15:59:59Z'),
      resamplingDueAt: new Date('2026-10-30T15:59:59Z'),
      overdue: true,
      escalatedAt: new Date('2026-09-30T01:00:00Z'),
    });
  });

  it('the chain reports an incident and the Hangzhou bureau sees it arrive', async () => {
    const bureauContext = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const bureau = await bureauContext.newPage();
    await signInAs(bureau, e2e.srv.url, DEMO.regulatorHz);
    await bureau.goto(`${e2e.srv.url}/incidents`);
    await bureau.getByTestId('page-incidents').waitFor();
    await bureau.getByText('暂无事故报告').waitFor();

    const merchantContext = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const merchant = await merchantContext.newPage();
    await signInAs(merchant, e2e.srv.url, DEMO.merchant);
    await merchant.goto(`${e2e.srv.url}/incidents`);
    await merchant.getByTestId('incident-report-link').click();
    await merchant.getByTestId('page-report-incident').waitFor();
    await merchant.getByTestId('incident-describe').check();
    await merchant.getByLabel('产品名称').fill('儿童滑板车');
    await merchant.getByLabel('品类').selectOption('toy');
    await merchant.getByLabel('受伤人数').fill('1');
    await merchant.getByLabel('伤情').selectOption('minor');
    await merchant.getByLabel('事故类型').selectOption('injury');
    await merchant.getByLabel('所在市').selectOption('3301');
    await merchant.getByLabel('县（区）').selectOption('330106');
    await merchant.getByLabel('详细地址').fill('西湖区文三路 1 号');
    await merchant.getByLabel('事故经过').fill('滑板车前轮脱落，儿童摔伤膝盖。');
    await merchant.getByTestId('incident-submit').click();
    await merchant.getByTestId('incident-detail').waitFor();
    expect(await merchant.getByTestId('incident-injuries').innerText()).to.equal('轻伤 · 1 人受伤');

    // Live: the bureau's list reloads on the incident notification.
    await bureau.getByTestId('incidents-table').getByText('儿童滑板车').waitFor();
    expect(await bureau.getByTestId('incidents-table').innerText()).to.contain('浙江万家福连锁超市');
    await merchantContext.close();
    await bureauContext.close();
  });

  it('the bureau reads an overdue follow-up with its figures and records the re-sampling, in Chinese and English', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
    await page.goto(`${e2e.srv.url}/follow-ups`);
    await page.getByTestId('follow-up-figures').waitFor();
    expect(await page.getByTestId('follow-up-figure-overdue').innerText()).to.contain('1');
    await page.getByTestId('follow-ups-status').selectOption('overdue');
    await page.getByTestId(`follow-up-row-${followUpId}`).getByRole('link').click();
    await page.getByTestId('page-follow-up').waitFor();
    expect(await page.getByTestId('follow-up-status').innerText()).to.equal('整改中');
    await page.getByTestId('follow-up-record-resampling').click();
    await page.getByTestId('follow-up-resampling').waitFor();
    expect(await page.getByTestId('follow-up-status').innerText()).to.equal('已完成');
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('follow-up-status').innerText()).to.equal('Closed');
    expect(await page.getByTestId('follow-up-resampling').innerText()).to.contain('Passed');
    await context.close();
  });
});
