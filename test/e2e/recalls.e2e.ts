// The recall page in Chromium: signed out in both languages (from the public list), then the chain
// acknowledges taking the product off sale while the bureau watches its reach change live.
// Any page or console error fails the test.
import { expect } from 'chai';
import { signInAs } from '../helpers/browser.js';
import { DEMO } from '../helpers/http.js';
import { plantRecall, RECALLED } from '../helpers/recalls.js';
import { inChromium } from './inChromium.js';

describe('recall notices in Chromium', function () {
  let recallId = '';

  const e2e = inChromium();

  before(async () => {
    ({ recallId } = await plantRecall(e2e.world));
  });

  it('shows the recall signed out, from the public list, in Chinese and in English', async () => {
    const visitor = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await visitor.goto(`${e2e.srv.url}/recalls`);
    await visitor
      .getByTestId('recall-list')
      .getByRole('link', { name: /暖芯 充电暖手宝 NX-2000/ })
      .click();
    await visitor.getByTestId('recall-detail').waitFor();
    expect(await visitor.getByTestId('recall-risk').innerText()).to.equal('严重风险');
    expect(await visitor.getByTestId('recall-gtin').innerText()).to.equal(RECALLED.gtin);
    expect(await visitor.getByTestId('recall-actions').innerText()).to.match(/立即停止使用[\s\S]*退款/);
    expect(await visitor.getByTestId('recall-my-notice').count()).to.equal(0);
    // The visitor's language switch turns the same page to English.
    await visitor.getByTestId('language-switch').click();
    await visitor.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await visitor.getByTestId('recall-risk').innerText()).to.equal('Serious risk');
    expect(await visitor.getByTestId('recall-actions').innerText()).to.match(/Stop using it now[\s\S]*Get a refund/);
    await visitor.close();
  });

  it('lets the chain acknowledge while the bureau sees the figures move', async () => {
    const bureauContext = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const bureau = await bureauContext.newPage();
    await signInAs(bureau, e2e.srv.url, DEMO.regulatorHz);
    await bureau.goto(`${e2e.srv.url}/recalls/${recallId}`);
    const acknowledged = bureau.getByTestId('reach-merchants-acknowledged');
    await acknowledged.waitFor();
    expect(await acknowledged.innerText()).to.equal('0');
    expect(await bureau.getByTestId('recall-pending').innerText()).to.contain('万家福');

    const merchantContext = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const merchant = await merchantContext.newPage();
    await signInAs(merchant, e2e.srv.url, DEMO.merchant);
    await merchant.goto(`${e2e.srv.url}/recall-notices`);
    await merchant.getByTestId('recall-notices').getByRole('link', { name: RECALLED.name }).click();
    await merchant.getByTestId('recall-acknowledge').click();
    await merchant.getByTestId('recall-acknowledged').waitFor();

    await bureau.waitForFunction(() => document.querySelector('[data-testid="reach-merchants-acknowledged"]')?.textContent === '1');
    expect(await bureau.getByText('所有商家均已确认').count()).to.equal(1);
    await merchantContext.close();
    await bureauContext.close();
  });
});
