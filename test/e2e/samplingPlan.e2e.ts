// The sampling plan page in Chromium: the Hangzhou bureau sees this quarter's subjects riskiest first
// with their evidence, removes one from the plan and sets another's count; any page error fails the test.
import { expect } from 'chai';
import { SamplingPlanItemModel } from '../../server/models/SamplingPlanItem.js';
import { planItemId, planSortKey, quarterOf, scoreProduct } from '../../server/sampling/riskPlan.js';
import { signInAs } from '../helpers/browser.js';
import { DEMO } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

const HIGH = '0000000000000000000000a1';
const CLEAN = '0000000000000000000000a2';

describe('sampling plan page in Chromium', function () {
  this.timeout(120_000);

  const e2e = inChromium(async () => {
    const quarter = quarterOf(new Date());
    const row = (productId: string, name: string, inputs: Parameters<typeof scoreProduct>[0]) => {
      const s = scoreProduct(inputs, false);
      return {
        _id: planItemId('3301', quarter, productId),
        region: '3301',
        quarter,
        productId,
        productName: name,
        producer: `${name}厂`,
        category: 'household_appliance',
        keyCategory: false,
        ...s,
        planned: s.suggested,
        inPlan: s.suggested > 0,
        sk: planSortKey(s.score, productId),
        computedAt: new Date(),
      };
    };
    const none = { complaints: 0, safetyComplaints: 0, openFlag: false, failed: 0, passed: 0, incidents: 0, serious: 0, creditTier: null };
    await SamplingPlanItemModel.insertMany([
      row(HIGH, '电热毯', { ...none, complaints: 3, openFlag: true, failed: 1, producerClean: false }),
      row(CLEAN, '衬衫', { ...none, passed: 2, producerClean: true }),
    ]);
  });

  it('lists the riskiest first with its evidence; the bureau removes it and adds the clean one', async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
    await page.goto(`${e2e.srv.url}/sampling-plan`);
    await page.getByTestId('plan-table').waitFor();
    // Planned: only the high-risk one (41 = 6 + 15 + 20); the clean producer's product is not this quarter.
    const first = page.getByTestId('plan-item').first();
    expect(await first.getAttribute('data-product')).to.equal(HIGH);
    expect(await first.getByTestId('plan-score').innerText()).to.equal('41');
    expect(await first.getByTestId('plan-evidence').innerText()).to.contain('三年内抽检不合格 1 次（+20）');
    expect(await page.getByTestId('plan-item').count()).to.equal(1);
    await first.getByTestId('plan-remove').click();
    await page.waitForFunction((id) => document.querySelector(`[data-product="${id}"]`)?.getAttribute('data-planned') === '0', HIGH);

    await page.getByTestId('plan-show-all').click();
    const clean = page.locator(`[data-testid="plan-item"][data-product="${CLEAN}"]`);
    await clean.waitFor();
    expect(await clean.getByTestId('plan-evidence').innerText()).to.contain('降低频次');
    await clean.getByTestId('plan-add').click();
    await page.waitForFunction((id) => document.querySelector(`[data-product="${id}"]`)?.getAttribute('data-planned') === '1', CLEAN);
    expect(await page.getByTestId('plan-export').getAttribute('href')).to.match(/^\/api\/sampling-plan\/export\.csv\?quarter=\d{4}-Q[1-4]/);
  });
});
