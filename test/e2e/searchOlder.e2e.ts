// The search page's older complaints in Chromium: a word whose whole matches are fewer than a page
// lists them with the complaints holding its characters only apart in the newest month read, says so,
// and offers the older months; each press adds the next older month's complaints below (none twice),
// shows its progress, says when the read failed and retries, and the offer is gone when no month is
// left. Any page or console error fails the test (the one load cut on purpose is named).
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { testClock } from '../../server/clock.js';
import { backfillPhraseTerms } from '../../server/complaints/backfillTerms.js';
import { searchTuning } from '../../server/complaints/search.js';
import { signInAs, switchSignedInToEnglish, tolerateFailedLoads } from '../helpers/browser.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { inChromium } from './inChromium.js';

// 鹦鹉螺 whole in two complaints; its pieces (鹦鹉, 鹉螺) without it in five, over three months.
const WORD = '鹦鹉螺';
const PIECES = '鹦鹉的壳上有花纹，像鹉螺。';
const CURSOR_READ = /\/api\/complaints\/search\?.*cursor=/;

describe('complaint search: the older complaints holding the words apart, in Chromium', function () {
  const e2e = inChromium();
  const pieceFilings = searchTuning.pieceFilings;
  /** Ids in the order the full ranking lists them: whole matches newest first, then the rest newest first. */
  let wholes: string[];
  let byMonth: string[][];

  before(async () => {
    const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
    const file = async (daysAgo: number, description: string) => {
      testClock.set(new Date(Date.now() - daysAgo * 86_400_000));
      try {
        return (await fileVia(consumer, filing(e2e.world, '330106', { description }))).id as string;
      } finally {
        testClock.reset();
      }
    };
    // Gaps of 45 and 55 days: three different months, whatever today is.
    const older = [await file(100, PIECES), await file(100, PIECES)];
    const wholeOld = await file(45, `${WORD}造型的台灯不亮。`);
    const old = [await file(45, PIECES), await file(45, PIECES)];
    const recent = await file(0, PIECES);
    const wholeNew = await file(0, `${WORD}摆件掉漆。`);
    wholes = [wholeNew, wholeOld];
    byMonth = [[recent], old.reverse(), older.reverse()];
    // Searches read by phrase once the entries hold their phrases (a database seeded from empty does).
    await backfillPhraseTerms();
    // No filings' budget for the pieces: each read takes the least, one month of filing, so three
    // months make a first page and two older ones.
    searchTuning.pieceFilings = 0;
  });
  after(() => {
    searchTuning.pieceFilings = pieceFilings;
  });

  const hitIds = (page: Page) =>
    page
      .locator('li[data-testid^="search-hit-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('search-hit-'.length)));
  /** Waits until the list holds `n` hits, and returns their ids in order. */
  const hitsOnceThere = async (page: Page, n: number) => {
    await page
      .locator('li[data-testid^="search-hit-"]')
      .nth(n - 1)
      .waitFor();
    const ids = await hitIds(page);
    expect(new Set(ids).size, 'no complaint listed twice').to.equal(ids.length);
    return ids;
  };

  it('adds each older month below on request, shows its progress and its failure, and stops at the last', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN' });
    tolerateFailedLoads(context, CURSOR_READ);
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
    await page.goto(`${e2e.srv.url}/search`);
    await page.getByTestId('search-input').fill(WORD);
    await page.getByTestId('search-submit').click();

    const older = page.getByTestId('search-older');
    const more = page.getByTestId('search-older-more');
    await older.waitFor();
    expect(await hitsOnceThere(page, 3)).to.deep.equal([...wholes, ...byMonth[0]!]);
    expect(await older.locator('p').innerText()).to.equal(
      `完整包含“${WORD}”的投诉已全部列出。更早的投诉中可能还有只分开出现这些字的，尚未查找。`,
    );
    expect(await more.innerText()).to.equal('查找更早的投诉');

    // Held, the read shows itself: the button is busy, cannot be pressed again, and says what it does.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(CURSOR_READ, async (route) => {
      await held;
      await route.continue();
    });
    await more.click();
    await page.locator('[data-testid="search-older-more"][aria-busy="true"]').waitFor();
    expect(await more.isDisabled()).to.equal(true);
    expect(await more.innerText()).to.equal('查找中…');
    expect(await more.locator('.spinner').count()).to.equal(1);
    release();
    expect(await hitsOnceThere(page, 5)).to.deep.equal([...wholes, ...byMonth[0]!, ...byMonth[1]!]);
    await page.unroute(CURSOR_READ);

    // A read that fails says so beside the button, which stays to retry; the list is unchanged.
    await page.route(CURSOR_READ, (route) => route.abort());
    await more.click();
    const failed = older.getByTestId('search-older-failed');
    await failed.waitFor();
    expect(await failed.innerText()).to.equal('没能查找更早的投诉：无法连接服务器，请检查网络后重试。');
    expect(await more.isEnabled()).to.equal(true);
    expect(await hitIds(page)).to.have.length(5);
    await page.unroute(CURSOR_READ);

    // The retry reads the last month: its complaints are added, the failure and the offer are gone.
    await more.click();
    expect(await hitsOnceThere(page, 7)).to.deep.equal([...wholes, ...byMonth.flat()]);
    await older.waitFor({ state: 'detached' });
    expect(await page.getByTestId('search-older-failed').count()).to.equal(0);
    await context.close();
  });

  it('says it in English', async () => {
    const context = await e2e.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
    await switchSignedInToEnglish(page);
    await page.goto(`${e2e.srv.url}/search?q=${encodeURIComponent(WORD)}`);
    const older = page.getByTestId('search-older');
    await older.waitFor();
    expect(await older.locator('p').innerText()).to.equal(
      `Every complaint containing “${WORD}” as typed is listed. Older complaints may hold its characters only apart; those have not been searched yet.`,
    );
    expect(await page.getByTestId('search-older-more').innerText()).to.equal('Search older complaints');
    await context.close();
  });
});
