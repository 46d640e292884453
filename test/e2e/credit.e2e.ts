// Contesting a credit input in Chromium: the merchant opens 信用等级明细 from its navigation, contests a
// complaint with a reason and a file; the bureau finds it on 信用异议 (with the count) and accepts it;
// the merchant's page then shows the complaint left out of its tier, live. Any page or console error fails.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { refreshMerchantCredit } from '../../server/products/credit.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { launchBrowser, signInAs } from '../helpers/browser.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { watchPageErrors } from '../helpers/pageErrors.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('credit contests in Chromium', function () {
  let srv: TestServer;
  let browser: Browser;
  let world: DemoWorld;
  let complaintId: string;

  before(async function () {
    this.timeout(180_000);
    world = await freshWorld();
    srv = await startTestServer();
    browser = await launchBrowser();
    const consumer = await signedIn(srv.url, DEMO.consumer);
    complaintId = (await fileVia(consumer, filing(world, '330106'))).id;
    await effectsSettled();
    await refreshMerchantCredit(String(world.chain._id));
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('the merchant contests with a file, the bureau accepts, the merchant sees the complaint left out', async function () {
    this.timeout(240_000);
    const mctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const merchant = await mctx.newPage();
    const merchantErrors = watchPageErrors(merchant);
    await signInAs(merchant, srv.url, DEMO.merchant);
    await merchant.getByTestId('nav-credit').click();
    await merchant.getByTestId('page-credit').waitFor();
    const row = merchant.getByTestId(`credit-input-${complaintId}`);
    await row.waitFor();
    expect(await row.getAttribute('data-excluded')).to.equal('false');
    expect(await row.getByTestId('credit-counts').innerText()).to.contain('计入投诉量');
    await row.getByTestId('credit-contest-open').click();
    await row.getByTestId('contest-reason').fill('消费者出示的小票并非本店开具，附本店同日销售流水。');
    await row.getByTestId('contest-file').setInputFiles({ name: '销售流水.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.getByTestId('contest-submit').click();
    await row.locator('[data-testid="credit-contest-state"][data-state="open"]').waitFor();

    const bctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const bureau = await bctx.newPage();
    const bureauErrors = watchPageErrors(bureau);
    await signInAs(bureau, srv.url, DEMO.regulatorHz);
    await bureau.getByTestId('nav-credit-contests').click();
    await bureau.getByTestId('page-credit-contests').waitFor();
    const count = bureau.getByTestId('result-count');
    await count.waitFor();
    expect(await count.getAttribute('data-count')).to.equal('1');
    expect(await bureau.getByTestId('contest-evidence').innerText()).to.contain('销售流水.pdf');
    await bureau.getByTestId('contest-decision-reason').fill('销售流水证实该商品非本店售出。');
    await bureau.getByTestId('contest-accept').click();
    await bureau.getByTestId('empty-state').waitFor();
    await bureau.getByTestId('contests-state').selectOption('accepted');
    await bureau.getByTestId('contest-timeline').waitFor();
    expect(await bureau.getByTestId('contest-timeline').innerText()).to.contain('销售流水证实该商品非本店售出');

    // The merchant's open page updates on the notification: the complaint is left out.
    await merchant.locator(`[data-testid="credit-input-${complaintId}"][data-excluded="true"]`).waitFor({ timeout: 30_000 });
    expect(await row.innerText()).to.contain('已排除');
    expect(await merchant.getByTestId('credit-excluded-count').innerText()).to.contain('1');
    merchantErrors();
    bureauErrors();
    await mctx.close();
    await bctx.close();
  });
});
