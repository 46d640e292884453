// 投诉公示 in Chromium: the merchant adds its one public comment on a closed complaint during the
// window; once published, a signed-out visitor finds the complaint in the public list by city and on
// the merchant's page, with the comment beside it. Any page or console error fails the test.
import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { COMPLAINT_DEADLINE_JOB } from '../../server/jobs/complaintDeadlines.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { signInAs } from '../helpers/browser.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

const COMMENT = '已为顾客全额退款，并加强了售前检查。';

describe('public complaint disclosure in Chromium', function () {
  let complaint: { id: string; merchantId: string; storeName: string; disclosure: { dueAt: string } };

  const e2e = inChromium();

  before(async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const merchant = await signedIn(e2e.srv.url, DEMO.merchant);
    const c = await fileVia(consumer, filing(e2e.world));
    await act(merchant, c.id, 'respond', { responseType: 'accepted', remedy: { type: 'explanation' }, messageToConsumer: '已说明' });
    complaint = (await act(consumer, c.id, 'accept_response')).body;
  });
  after(async () => {
    testClock.reset();
  });

  it('the merchant comments once in the window, from the complaint page', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.merchant);
    await page.goto(`${e2e.srv.url}/complaints/${complaint.id}`);
    const panel = page.getByTestId('disclosure-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-state')).to.equal('pending');
    await page.getByTestId('public-comment-text').fill(COMMENT);
    await page.getByTestId('public-comment-submit').click();
    await page.locator('[data-testid="disclosure-panel"][data-state="commented"]').waitFor();
    expect(await page.getByTestId('disclosure-comment').innerText()).to.contain(COMMENT);
    // One comment only: the form is gone.
    expect(await page.getByTestId('public-comment-text').count()).to.equal(0);
    await context.close();
  });

  it('a signed-out visitor finds it published, by city and on the merchant page, with the comment beside it', async () => {
    const at = new Date(new Date(complaint.disclosure.dueAt).getTime() + 3600_000);
    testClock.set(at);
    await runJob(COMPLAINT_DEADLINE_JOB, at);
    await effectsSettled();

    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${e2e.srv.url}/recalls`);
    await page.getByTestId('nav-public-complaints').click();
    await page.getByTestId('page-public-complaints').waitFor();
    await page.getByTestId('public-filter-cityCode').selectOption('3301');
    await page.waitForURL(/cityCode=3301/);
    const item = page.getByTestId(`public-complaint-${await publicId()}`);
    await item.waitFor();
    expect(await page.getByTestId('result-count').getAttribute('data-count')).to.equal('1');
    expect(await item.getByTestId('public-complaint-comment').innerText()).to.contain(COMMENT);
    expect(await item.innerText()).to.contain(complaint.storeName);
    // Another city has none.
    await page.getByTestId('public-filter-cityCode').selectOption('3302');
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('public-filter-cityCode').selectOption('');
    await item.getByTestId('public-complaint-merchant').click();
    const section = page.getByTestId('merchant-disclosures');
    await section.getByTestId('public-complaint-comment').waitFor();
    expect(await section.innerText()).to.contain(COMMENT);
    await page.close();
  });

  async function publicId(): Promise<string> {
    const res = await fetch(`${e2e.srv.url}/api/public/complaints?merchantId=${complaint.merchantId}`);
    const body = (await res.json()) as { items: { id: string }[] };
    return body.items[0]!.id;
  }
});
