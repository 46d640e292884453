import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoWorld } from '../../server/seed/registry.js';
import { launchBrowser, signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// A 1×1 PNG: the server recognises evidence by its bytes, so the upload must be a real image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('a complaint in Chromium: filed, answered live, accepted', function () {
  let srv: TestServer;
  let browser: Browser;
  let world: DemoWorld;
  const contexts: BrowserContext[] = [];

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await srv?.stop();
  });

  async function pageFor(email: string): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, srv.url, email);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('the consumer files through the wizard; the merchant sees it arrive, responds; the consumer accepts live', async () => {
    const store = world.stores.find((s) => s.name === '万家福超市 杭州西湖店')!;

    const merchant = await pageFor(DEMO.merchant);
    await merchant.getByTestId('nav-inbox').click();
    await merchant.getByTestId('page-inbox').getByTestId('empty-state').waitFor();
    // Survives only as long as the page is not reloaded.
    await merchant.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const consumer = await pageFor(DEMO.consumer);
    await consumer.getByTestId('nav-complaints-new').click();
    await consumer.getByTestId('store-search').fill('西湖');
    await consumer.getByTestId(`store-option-${store.id}`).click();
    await consumer.getByTestId('wizard-next').click();

    await consumer.getByTestId('step-product').waitFor();
    await consumer.getByTestId('product-name').fill('电热水壶 1.7L');
    await consumer.getByTestId('product-category').selectOption('household_appliance');
    await consumer.getByTestId('product-gtin').fill('4006381333932');
    await consumer.getByTestId('wizard-next').click();
    // A wrong check digit is refused in the browser, before anything is sent.
    await consumer.getByTestId('error-product.gtin').waitFor();
    await consumer.getByTestId('product-gtin').fill('4006381333931');
    await consumer.getByTestId('product-brand').fill('美的');
    await consumer.getByTestId('wizard-next').click();

    await consumer.getByTestId('step-purchase').waitFor();
    await consumer.getByTestId('purchase-amount').fill('129.9');
    await consumer.getByTestId('wizard-next').click();

    await consumer.getByTestId('step-problem').waitFor();
    await consumer.getByTestId('problem-type').selectOption('quality');
    await consumer.getByTestId('demand-type').selectOption('refund');
    await consumer.getByTestId('problem-description').fill('使用三天后底座漏水，无法继续使用。');
    await consumer.getByTestId('wizard-next').click();

    await consumer.getByTestId('step-confirm').waitFor();
    await consumer.getByTestId('evidence-input').setInputFiles({ name: '漏水照片.png', mimeType: 'image/png', buffer: PNG });
    await consumer.getByTestId('evidence-file').waitFor();
    // A double click must file once (the wizard's Idempotency-Key and its disabled button).
    await consumer.getByTestId('wizard-submit').dblclick();

    await consumer.getByTestId('filed-notice').waitFor({ timeout: 15_000 });
    const complaint = consumer.getByTestId('complaint');
    const id = (await complaint.getAttribute('data-id'))!;
    expect(await complaint.getAttribute('data-status')).to.equal('awaiting_merchant');
    await consumer.getByTestId('attachment').waitFor();

    // The merchant's inbox shows it without a reload, the consumer anonymous (no contact agreement).
    const row = merchant.getByTestId(`complaint-row-${id}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await merchant.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).to.equal(true);
    expect(await row.getByTestId('consumer-anonymous').count()).to.equal(1);
    expect(await row.getAttribute('data-status')).to.equal('awaiting_merchant');

    await row.getByTestId('complaint-link').click();
    await merchant.getByTestId('respond-form').waitFor();
    await merchant.getByTestId('respond-type-accepted').check();
    await merchant.getByTestId('respond-remedy').selectOption('refund');
    await merchant.getByTestId('respond-amount').fill('129.90');
    await merchant.getByTestId('respond-message').fill('非常抱歉，已为您办理全额退款。');
    await merchant.getByTestId('respond-note').fill('批次质检记录已留存。');
    await merchant.getByTestId('respond-submit').click();
    await merchant.locator('[data-testid="complaint"][data-status="merchant_responded"]').waitFor();

    // The consumer's open page hears of it and offers the decision; the bureau's note is not shown.
    await consumer.getByTestId('consumer-decision').waitFor({ timeout: 15_000 });
    expect(await consumer.getByTestId('merchant-response').innerText()).to.contain('已为您办理全额退款');
    expect(await consumer.getByTestId('note-to-regulator').count()).to.equal(0);
    await consumer.getByTestId('accept-response').click();
    await consumer.locator('[data-testid="complaint"][data-status="resolved"]').waitFor();
    await consumer.getByTestId('rate-form').waitFor();
    await merchant.locator('[data-testid="complaint"][data-status="resolved"]').waitFor({ timeout: 15_000 });

    const api = await signedIn(srv.url, DEMO.consumer);
    const list = (await api.get('/complaints')).body.items;
    expect(list).to.have.length(1);
    const detail = (await api.get(`/complaints/${id}`)).body;
    expect(detail.status).to.equal('resolved');
    expect(detail.purchase.amountFen).to.equal(12990);
    expect(detail.product.gtin).to.equal('4006381333931');
    expect(detail.response).to.deep.include({ responseType: 'accepted', remedy: { type: 'refund', amountFen: 12990 } });
    expect(detail.attachments.map((a: { name: string }) => a.name)).to.deep.equal(['漏水照片.png']);
    expect(detail.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['file', 'respond', 'accept_response']);
  });
});
