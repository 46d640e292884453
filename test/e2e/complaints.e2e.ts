import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { signInAs, tolerateFailedLoads } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

// A 1×1 PNG: the server recognises evidence by its bytes, so the upload must be a real image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('complaints in Chromium', function () {
  // The contexts the tests open are closed, and any page error they saw reported, with the browser.
  const e2e = inChromium();

  async function pageFor(email: string): Promise<Page> {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, email);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
    return page;
  }

  it('the consumer files through the wizard; the merchant sees it arrive, responds; the consumer accepts live', async () => {
    const store = e2e.world.stores.find((s) => s.name === '万家福超市 杭州西湖店')!;

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
    // The bell heard of it too.
    await merchant.getByTestId('notification-unread').waitFor();

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

    const api = await signedIn(e2e.srv.url, DEMO.consumer);
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

  it('the Hangzhou bureau finds a rejected response in its queue, accepts, mediates; another it declines; the consumer rates', async () => {
    const store = e2e.world.stores.find((s) => s.name === '万家福超市 杭州滨江店')!;
    const consumerApi = await signedIn(e2e.srv.url, DEMO.consumer);
    const merchantApi = await signedIn(e2e.srv.url, DEMO.merchant);
    async function toBureau(product: string): Promise<string> {
      const filed = await consumerApi.post('/complaints', {
        storeId: String(store._id),
        product: { name: product, category: 'clothing' },
        purchase: { date: '2026-11-01', amountFen: 39900, channel: 'in_store' },
        problemType: 'quality',
        description: '洗一次就严重缩水。',
        demand: { type: 'refund' },
        contactAgreement: false,
      });
      const responded = await merchantApi.post(`/complaints/${filed.body.id}/transitions`, {
        action: 'respond',
        expectedVersion: 1,
        responseType: 'rejected',
        messageToConsumer: '按洗涤说明不会缩水。',
      });
      const rejected = await consumerApi.post(`/complaints/${filed.body.id}/transitions`, {
        action: 'reject_response',
        expectedVersion: responded.body.version,
        reason: '按说明洗涤。',
      });
      expect(rejected.body.status).to.equal('awaiting_regulator');
      return filed.body.id;
    }
    const mediateId = await toBureau('羊毛大衣');
    const declineId = await toBureau('羊毛围巾');

    const urgent = await consumerApi.post('/complaints', {
      storeId: String(store._id),
      product: { name: '毛绒玩具', category: 'toy' },
      purchase: { date: '2026-11-01', amountFen: 6900, channel: 'in_store' },
      problemType: 'quality',
      description: '缝线脱落，填充物外露。',
      demand: { type: 'refund' },
      contactAgreement: false,
    });
    expect(urgent.body.priority).to.equal('urgent');

    const bureau = await pageFor(DEMO.regulatorHz);
    // Open work: the key-category toy is listed apart and above, though its deadline is the latest.
    await bureau.getByTestId('nav-queue').click();
    await bureau.getByTestId('queue-urgent').getByTestId(`complaint-row-${urgent.body.id}`).waitFor({ timeout: 15_000 });
    await bureau.getByTestId('queue').getByTestId(`complaint-row-${mediateId}`).waitFor();

    await bureau.goto(`${e2e.srv.url}/queue?status=awaiting_regulator&city=3301`);
    const row = bureau.getByTestId(`complaint-row-${mediateId}`);
    await row.waitFor({ timeout: 15_000 });
    // The bureau sees who complained; the export link carries the filters on screen.
    expect(await row.getByTestId('consumer-name').innerText()).to.equal('张晓明');
    const csv = (await bureau.getByTestId('export-csv').getAttribute('href'))!;
    expect(csv)
      .to.match(/^\/api\/complaints\/export\.csv\?/)
      .and.to.contain('status=awaiting_regulator')
      .and.to.contain('countyCode=3301');

    await row.getByTestId('complaint-link').click();
    await bureau.getByTestId('regulator-accept').click();
    await bureau.locator('[data-testid="complaint"][data-status="in_mediation"]').waitFor();
    await bureau.getByTestId('mediation-succeeded').check();
    await bureau.getByTestId('mediation-text').fill('商家退款 399 元，消费者退回大衣。');
    await bureau.getByTestId('mediation-submit').click();
    await bureau.locator('[data-testid="complaint"][data-status="mediated"]').waitFor();
    expect(await bureau.getByTestId('outcome').innerText()).to.contain('商家退款 399 元');

    await bureau.goto(`${e2e.srv.url}/complaints/${declineId}`);
    await bureau.getByTestId('decline-reason').selectOption('missing_details');
    await bureau.getByTestId('decline-submit').click();
    await bureau.locator('[data-testid="complaint"][data-status="declined"]').waitFor();
    expect(await bureau.getByTestId('outcome').innerText()).to.contain('未提供必要信息');

    const consumer = await pageFor(DEMO.consumer);
    await consumer.goto(`${e2e.srv.url}/complaints/${mediateId}`);
    await consumer.getByTestId('rate-star-4').check({ force: true });
    await consumer.getByTestId('rate-submit').click();
    await consumer.getByTestId('rating').waitFor();
    const detail = (await consumerApi.get(`/complaints/${mediateId}`)).body;
    expect(detail.rating).to.include({ satisfaction: 4 });
    expect(detail.timeline.map((e: { action: string }) => e.action)).to.deep.equal([
      'file',
      'respond',
      'reject_response',
      'accept',
      'mediation_succeeded',
      'rate',
    ]);
  });

  it('a page that missed a change says so and reloads instead of failing', async () => {
    const consumerApi = await signedIn(e2e.srv.url, DEMO.consumer);
    const filed = await consumerApi.post('/complaints', {
      storeId: String(e2e.world.stores[0]!._id),
      product: { name: '保温杯', category: 'daily_goods' },
      purchase: { date: '2026-11-02', amountFen: 5900, channel: 'online', orderRef: 'TB-20261102-88' },
      problemType: 'quality',
      description: '不保温。',
      demand: { type: 'exchange' },
      contactAgreement: true,
    });
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    // Without the live connection the page cannot hear of the change made below.
    await page.route('**/socket.io/**', (route) => route.abort());
    tolerateFailedLoads(context, /\/socket\.io\//);
    await signInAs(page, e2e.srv.url, DEMO.merchant);
    await page.goto(`${e2e.srv.url}/complaints/${filed.body.id}`);
    expect(filed.status).to.equal(201);
    await page.getByTestId('respond-form').waitFor();
    expect(await page.getByTestId('consumer-name').innerText()).to.equal('张晓明');

    const merchantApi = await signedIn(e2e.srv.url, DEMO.merchant);
    const first = await merchantApi.post(`/complaints/${filed.body.id}/transitions`, {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'accepted',
      remedy: { type: 'exchange' },
      messageToConsumer: '已安排换货。',
    });
    expect(first.status).to.equal(200);

    await page.getByTestId('respond-type-rejected').check();
    await page.getByTestId('respond-message').fill('不同意。');
    await page.getByTestId('respond-submit').click();
    await page.getByTestId('conflict-notice').waitFor();
    await page.locator('[data-testid="complaint"][data-status="merchant_responded"]').waitFor();
    expect(await page.getByTestId('respond-form').count()).to.equal(0);
    const timeline = (await consumerApi.get(`/complaints/${filed.body.id}`)).body.timeline;
    expect(timeline.filter((e: { action: string }) => e.action === 'respond')).to.have.length(1);
  });

  it('after "not our business" the consumer sends the complaint to the right store', async () => {
    const consumerApi = await signedIn(e2e.srv.url, DEMO.consumer);
    const merchantApi = await signedIn(e2e.srv.url, DEMO.merchant);
    const shopStore = e2e.world.stores.find((s) => String(s.merchantId) === String(e2e.world.shop._id))!;
    const filed = await consumerApi.post('/complaints', {
      storeId: String(e2e.world.stores[0]!._id),
      product: { name: '遥控汽车', category: 'toy' },
      purchase: { date: '2026-11-03', amountFen: 8800, channel: 'in_store' },
      problemType: 'quality',
      description: '遥控失灵。',
      demand: { type: 'refund' },
      contactAgreement: false,
    });
    const answered = await merchantApi.post(`/complaints/${filed.body.id}/transitions`, {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'not_concerned',
      messageToConsumer: '本店不销售此商品。',
    });
    expect(answered.status).to.equal(200);

    const consumer = await pageFor(DEMO.consumer);
    await consumer.goto(`${e2e.srv.url}/complaints/${filed.body.id}`);
    const form = consumer.getByTestId('redirect-form');
    await form.getByTestId('store-search').fill('童趣');
    await form.getByTestId(`store-option-${shopStore.id}`).click();
    await form.getByTestId('redirect-submit').click();
    await consumer.locator('[data-testid="complaint"][data-status="awaiting_merchant"]').waitFor();
    await consumer.locator('[data-testid="timeline-event"][data-action="redirect"]').waitFor();
    const detail = (await consumerApi.get(`/complaints/${filed.body.id}`)).body;
    expect(detail).to.include({ storeId: String(shopStore.id), merchantId: String(e2e.world.shop._id), status: 'awaiting_merchant' });
  });
});
