// Complaint search in Chromium at phone width: a phrase typed without spaces finds the complaint, the
// matching words are marked in its description, the number search shows the exact match first, and
// the query stays in the address. Any page or console error fails the test.
import { expect } from 'chai';
import { signInAs } from '../helpers/browser.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { watchPageErrors } from '../helpers/pageErrors.js';
import { inChromium } from './inChromium.js';

describe('complaint search in Chromium', function () {
  const e2e = inChromium();

  it('finds a phrase from the middle of a description, marks it, and ranks an exact number first', async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const smoke = await fileVia(
      consumer,
      filing(e2e.world, '330106', { description: '用了两周以后，插头处冒出黑烟并有焦糊味，墙面被熏黑。' }),
    );
    const other = await fileVia(consumer, filing(e2e.world, '330106', { description: `和 ${smoke.number} 同一批次。` }));
    const context = await e2e.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const check = watchPageErrors(page);
    await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
    // Signed in (the helper waits for the desktop navigation), the search is used on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e2e.srv.url}/search`);
    await page.getByTestId('search-input').fill('冒出黑烟');
    await page.getByTestId('search-submit').click();
    const hit = page.getByTestId(`search-hit-${smoke.id}`);
    await hit.waitFor();
    expect(await hit.getByTestId('search-hit-description').locator('mark').allInnerTexts()).to.deep.equal(['冒出黑烟']);
    expect(new URL(page.url()).searchParams.get('q')).to.equal('冒出黑烟');
    // Phone width: the hit fits the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);

    await page.getByTestId('search-input').fill(smoke.number);
    await page.getByTestId('search-submit').click();
    await page.getByTestId(`search-hit-${other.id}`).waitFor();
    const order = await page
      .locator('li[data-testid^="search-hit-"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-exact')]));
    expect(order).to.deep.equal([
      [`search-hit-${smoke.id}`, 'true'],
      [`search-hit-${other.id}`, null],
    ]);
    await page.getByTestId(`search-hit-${smoke.id}`).getByTestId('search-hit-link').click();
    await page.waitForURL(`**/complaints/${smoke.id}`);
    check();
    await context.close();
  });
});
