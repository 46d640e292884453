// Response templates in Chromium: the chain's service desk saves a template on 答复模板 (reached from
// the navigation), inserts it into its response to a complaint with the placeholders filled (the
// consumer's name withheld: no contact agreement), sends it, and the consumer reads the filled text.
// Any page or console error fails the test.
import { expect } from 'chai';
import { filing, fileVia } from '../helpers/complaints.js';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

describe('response templates in Chromium', function () {
  this.timeout(180_000);

  const e2e = inChromium();

  it('the merchant saves a template and inserts it, filled, into a response the consumer then reads', async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const c = await fileVia(consumer, filing(e2e.world, '330106'));

    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await signInAs(page, e2e.srv.url, DEMO.merchant);
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('page-templates').waitFor();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('template-name').fill('退款致歉');
    await page.getByTestId('template-body').fill('{consumerName}您好：关于投诉 {number}（{product}），{merchant} 已为您办理全额退款。');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template').filter({ hasText: '退款致歉' }).waitFor();
    expect(await page.getByTestId('result-count').getAttribute('data-count')).to.equal('1');

    await page.goto(`${e2e.srv.url}/complaints/${c.id}`);
    await page.getByTestId('respond-form').waitFor();
    await page.getByTestId('respond-type-accepted').check();
    await page.getByTestId('template-choose-respond').selectOption({ label: '退款致歉' });
    await page.getByTestId('template-insert-respond').click();
    const expected = `消费者您好：关于投诉 ${c.number}（电热水壶），${c.merchantName} 已为您办理全额退款。`;
    await page.waitForFunction(() => !!(document.querySelector('[data-testid="respond-message"]') as HTMLTextAreaElement | null)?.value);
    expect(await page.getByTestId('respond-message').inputValue()).to.equal(expected);
    // The consumer's name is withheld (no contact agreement), and the form says so.
    await page.getByTestId('template-picker-respond').getByText('姓名已以「消费者」代替').waitFor();
    await page.getByTestId('respond-submit').click();
    await page.locator('[data-testid="complaint"][data-status="merchant_responded"]').waitFor();
    await page.close();

    const answered = await consumer.get(`/complaints/${c.id}`);
    expect(answered.body.response.messageToConsumer).to.equal(expected);
  });
});
