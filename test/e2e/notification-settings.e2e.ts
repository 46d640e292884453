// 通知设置 in Chromium: reached from the account menu, a merchant switches new complaints to the daily
// digest (kept after a reload); a regulator subscribes to a category, a region and a product beyond
// its jurisdiction and removes one. Any page or console error fails the test.
import { expect } from 'chai';
import { resolveProducts } from '../../server/commands/resolveProduct.js';
import type { Page } from 'playwright-core';
import { signInAs } from '../helpers/browser.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

describe('notification settings in Chromium', function () {
  this.timeout(180_000);

  const e2e = inChromium();

  async function settingsOf(email: string): Promise<Page> {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await signInAs(page, e2e.srv.url, email);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('notification-settings-link').click();
    await page.getByTestId('page-notification-settings').waitFor();
    await page.getByTestId('delivery-table').waitFor();
    return page;
  }

  it('a merchant chooses the daily digest for new complaints, kept after a reload', async () => {
    const page = await settingsOf(DEMO.merchant);
    expect(await page.getByTestId('subscriptions').count(), 'merchants do not subscribe').to.equal(0);
    await page.getByTestId('delivery-select-new_complaints').selectOption('digest');
    await page.getByTestId('delivery-new_complaints').getByTestId('delivery-saved').waitFor();
    await page.reload();
    await page.getByTestId('delivery-table').waitFor();
    expect(await page.getByTestId('delivery-select-new_complaints').inputValue()).to.equal('digest');
    expect(await page.getByTestId('delivery-select-messages').inputValue()).to.equal('mail');
    const api = await signedIn(e2e.srv.url, DEMO.merchant);
    const saved = (await api.get('/notification-settings')).body.deliveries;
    expect(saved.find((d: { kind: string }) => d.kind === 'new_complaints').delivery).to.equal('digest');
    await page.close();
  });

  it('a regulator subscribes to a category, a region and a product, and removes one', async () => {
    const page = await settingsOf(DEMO.regulatorYw);
    await page.getByTestId('subscriptions').waitFor();
    await page.getByTestId('sub-target').selectOption('category');
    await page.getByTestId('sub-category').selectOption('toy');
    await page.getByTestId('sub-add').click();
    const item = page.getByTestId('subscription').filter({ hasText: '儿童玩具' });
    await item.waitFor();
    await page.getByTestId('sub-target').selectOption('region');
    await page.getByTestId('sub-city').selectOption({ label: '宁波市' });
    await page.getByTestId('sub-add').click();
    await page.getByTestId('subscription').filter({ hasText: '宁波' }).waitFor();
    const api = await signedIn(e2e.srv.url, DEMO.regulatorYw);
    await resolveProducts([{ name: '充电暖手宝', category: 'electric_hand_warmer', brand: '暖芯', model: 'NX-2000' }]);
    const product = (await api.get('/products?q=充电暖手宝')).body.items[0];
    await page.getByTestId('sub-target').selectOption('product');
    await page.getByTestId('sub-product-q').fill(product.name.slice(0, 2));
    await page.locator(`[data-testid="sub-product"] option[value="${product.id}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('sub-product').selectOption(product.id);
    await page.getByTestId('sub-add').click();
    await page.getByTestId('subscription').filter({ hasText: product.name }).waitFor();
    await item.getByTestId('subscription-remove').click();
    await item.waitFor({ state: 'detached' });
    const keys = (await api.get('/notification-settings')).body.subscriptions.map((s: { key: string }) => s.key);
    expect(keys).to.have.members(['region:3302', `product:${product.id}`]);
    await page.close();
  });
});
