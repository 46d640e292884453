import { expect } from 'chai';
import { signInAs } from '../helpers/browser.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

/** Flag detection runs in the background after a filing: wait until the complaint's flag exists. */
async function flagOf(client: ApiClient, complaintId: string, ms = 15_000): Promise<{ id: string; rules: string[] }> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await client.get('/product-flags');
    // The list shows the counts; the complaint ids behind them are each flag's own page.
    for (const f of (r.body.items ?? []) as { id: string; rules: string[] }[]) {
      const detail = await client.get(`/product-flags/${f.id}`);
      if ((detail.body.evidence?.complaintIds as string[] | undefined)?.includes(complaintId)) return f;
    }
    if (Date.now() > until) throw new Error(`no flag for ${complaintId}: ${r.text}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

describe('the regulators’ dashboard in Chromium', function () {
  this.timeout(60_000);
  const e2e = inChromium();

  it('changes filters and leaves the dashboard without a page error', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, DEMO.regulatorZj);
      await page.locator('[data-testid="dashboard-map"][data-map^="zj-"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('dashboard-trend').locator('canvas').waitFor();
      await page.getByTestId('filter-region').selectOption('3301');
      await page.locator('[data-testid="dashboard-map"][data-map="zj-3301"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('interval-week').click();
      await page.getByTestId('filter-category').selectOption('toy');
      await page.getByTestId('filter-period').selectOption('90');
      await page.getByTestId('dashboard-trend').locator('canvas').waitFor();
      await page.getByTestId('nav-compliance').click();
      await page.getByTestId('compliance-trend').locator('canvas').waitFor();
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dashboard-map').waitFor();
      await page.getByTestId('nav-queue').click();
      await page.getByTestId('page-queue').waitFor();
      // Closing the context fails the test on any page error the charts raised on the way.
    } finally {
      await context.close();
    }
  });

  it('draws no English map label over another on the Hangzhou and Wenzhou maps', async () => {
    // The province's regulator reads English (remembered for the account, restored after).
    const zj = await signedIn(e2e.srv.url, DEMO.regulatorZj);
    expect((await zj.patch('/auth/me', { locale: 'en' })).status).to.equal(200);
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, DEMO.regulatorZj);
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      for (const [city, names] of [
        ['3301', ['Xiaoshan', 'Yuhang', 'Chunan']],
        ['3303', ['Yongjia', 'Cangnan', 'Taishun']],
      ] as const) {
        await page.getByTestId('filter-region').selectOption(city);
        const map = page.locator(`[data-testid="dashboard-map"][data-map="zj-${city}"]`);
        await map.waitFor({ timeout: 20_000 });
        await map.locator('svg text').first().waitFor();
        // The labels are placed as the map is drawn: a few frames later they are all there.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
        const labels = await map.evaluate((el) =>
          [...el.querySelectorAll('svg text')]
            .map((t) => ({ text: t.textContent?.trim() ?? '', box: t.getBoundingClientRect(), style: getComputedStyle(t) }))
            .filter(
              (l) => l.text && l.box.width > 0 && l.style.display !== 'none' && l.style.visibility !== 'hidden' && l.style.opacity !== '0',
            )
            .map(({ text, box }) => ({ text, x: box.x, y: box.y, w: box.width, h: box.height })),
        );
        const texts = labels.map((l) => l.text);
        for (const name of names) expect(texts, `labels of ${city}`).to.include(name);
        const overlapping: string[] = [];
        labels.forEach((a, i) =>
          labels.slice(i + 1).forEach((b) => {
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlapping.push(`${a.text} × ${b.text}`);
          }),
        );
        expect(overlapping, `labels drawn over each other on ${city}`).to.deep.equal([]);
      }
    } finally {
      await context.close();
      await zj.patch('/auth/me', { locale: 'zh-CN' });
    }
  });

  it('shows a new urgent complaint live, opens the flagged product and opens a case', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
      await page.goto(e2e.srv.url + '/dashboard');
      // Hangzhou's bureau sees Hangzhou's counties.
      await page.locator('[data-testid="dashboard-map"][data-map="zj-3301"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="dashboard"][data-total="0"]').waitFor();
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });

      // A consumer reports an electric heater that caught fire in a Hangzhou store: urgent, and a
      // safety incident in a key category flags the product at once.
      const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
      const product = { name: '油汀电暖器', category: 'electric_heater' as const, brand: '暖阳', model: 'NY-2026' };
      const complaint = await fileVia(
        consumer,
        filing(e2e.world, '330106', {
          product,
          problemType: 'safety',
          safetyIncident: { kind: 'fire', injured: false, description: '通电半小时后插头起火。' },
          description: '电暖器使用中插头起火，险些引燃窗帘。',
        }),
      );
      expect(complaint.priority).to.equal('urgent');

      await page.locator(`[data-testid="urgent-complaint"][data-id="${complaint.id}"]`).waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="dashboard"][data-total="1"]').waitFor({ timeout: 10_000 });
      // Every figure drills down to the complaints behind it.
      expect(await page.getByTestId('figure-total').getAttribute('href')).to.match(/^\/queue\?status=&city=3301&/);
      await page.getByTestId('figure-total').click();
      await page.getByTestId(`complaint-row-${complaint.id}`).waitFor({ timeout: 10_000 });
      await page.goBack();
      await page.locator('[data-testid="dashboard"][data-total="1"]').waitFor({ timeout: 10_000 });

      const hz = await signedIn(e2e.srv.url, DEMO.regulatorHz);
      const flag = await flagOf(hz, complaint.id);
      expect(flag.rules).to.include('safety');
      await page.getByTestId(`dashboard-flag-${flag.id}`).waitFor({ timeout: 10_000 });

      await page.getByTestId('nav-flags').click();
      await page.getByTestId(`flag-row-${flag.id}`).waitFor();
      await page.getByTestId(`flag-link-${flag.id}`).click();
      await page.locator(`[data-testid="flag-detail"][data-flag-id="${flag.id}"]`).waitFor();
      expect(await page.getByTestId('flag-complaint').count()).to.equal(1);
      expect(await page.getByTestId('flag-complaints').locator(`a[href="/complaints/${complaint.id}"]`).count()).to.equal(1);

      await page.getByTestId('open-case').click();
      await page.getByTestId('case-note').fill('安全事故，立案调查。');
      await page.getByTestId('open-case-confirm').click();
      await page.locator('[data-testid="case-detail"][data-status="open"]').waitFor({ timeout: 10_000 });
      await page.getByTestId('case-action-investigate').click();
      await page.getByTestId('case-action-note').fill('调取销售台账，抽样送检。');
      await page.getByTestId('case-action-submit').click();
      await page.locator('[data-testid="case-detail"][data-status="investigating"]').waitFor({ timeout: 10_000 });
      await page.getByTestId('case-action-order_rectification').click();
      await page.getByTestId('case-action-note').fill('责令停止销售，限期整改。');
      await page.getByTestId('case-public').check();
      // Not public without what was found and done.
      await page.getByTestId('case-public-needs').waitFor();
      expect(await page.getByTestId('case-action-submit').isDisabled()).to.equal(true);
      await page.getByTestId('case-finding').fill('插头温控失效，过热起火。');
      await page.getByTestId('case-measures').fill('停止销售，召回已售产品。');
      await page.getByTestId('case-action-submit').click();
      await page.locator('[data-testid="case-detail"][data-status="rectification_ordered"]').waitFor({ timeout: 10_000 });

      const cases = await hz.get('/enforcement-cases');
      const opened = cases.body.items.find((c: { flagId: string }) => c.flagId === flag.id);
      expect(opened.status).to.equal('rectification_ordered');
      expect(opened.public).to.equal(true);
      expect(opened.log.map((l: { note: string }) => l.note)).to.deep.equal([
        '安全事故，立案调查。',
        '调取销售台账，抽样送检。',
        '责令停止销售，限期整改。',
      ]);
      expect((await hz.get(`/product-flags/${flag.id}`)).body.caseId).to.equal(opened.id);

      // The published case is on the public list, signed out.
      const visitor = await e2e.browser.newContext();
      const anon = await visitor.newPage();
      await anon.goto(e2e.srv.url + '/problem-products');
      await anon.getByTestId(`public-case-${opened.id}`).waitFor({ timeout: 10_000 });
      expect(await anon.getByTestId(`public-case-${opened.id}`).innerText()).to.contain('油汀电暖器');
      await visitor.close();
    } finally {
      await context.close();
    }
  });

  it('imports sampling results with live progress and lists the bad lines', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    try {
      await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
      await page.getByTestId('nav-sampling').click();
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 10_000 });
      const csv = [
        '产品名称,类别,品牌,型号,生产企业,批次,抽样日期,检验结果,不合格项目,抽查机关',
        '儿童滑板车,toy,飞宝,FB-1,杭州飞宝玩具厂,B2026001,2026-10-08,不合格,刹车性能；标识,杭州市市场监督管理局',
        '儿童滑板车,toy,飞宝,FB-1,杭州飞宝玩具厂,B2026002,2026-13-40,不合格,刹车性能,杭州市市场监督管理局',
        '台灯,household_appliance,明亮,ML-2,宁波明亮电器,L77,2026-09-01,合格,,杭州市市场监督管理局',
      ].join('\n');
      await page.getByTestId('sampling-file').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('sampling-upload').click();
      await page.locator('[data-testid="sampling-progress"][data-done="3"][data-total="3"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('sampling-result').waitFor({ timeout: 15_000 });
      const errors = await page.getByTestId('sampling-errors').locator('tbody tr').allInnerTexts();
      expect(errors).to.have.length(1);
      // In the reader's language, not the validator's.
      expect(errors[0]).to.match(/^3\s+「抽样日期」不是有效日期/);
    } finally {
      await context.close();
    }
  });
});
