// "The client asks once": every page of every role, opened in Chromium on the demo data, issues each
// API request once. A duplicate (a double effect, two components loading the same thing, a filter
// effect firing twice) costs the server twice for nothing and is listed here by page and URL.
import { expect } from 'chai';
import type { Page, Request } from 'playwright-core';
import type { Role } from '../../shared/enums.js';
import { runSeeders } from '../../server/seed/registry.js';
import { signInAs } from '../helpers/browser.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { DEMO_PASSWORD } from '../helpers/server.js';
import { inChromium } from './inChromium.js';

const ACCOUNTS: [Role, string][] = [
  ['consumer', DEMO.consumer],
  ['merchant', DEMO.merchant],
  ['regulator', DEMO.regulatorHz],
  ['admin', DEMO.admin],
];

const QUIET_MS = 1000;

/**
 * Runs `act` (a page load, a click) and returns the API requests it caused (method and URL) once none
 * has been in flight for a while (socket.io keeps the network busy, so "network idle" is no signal).
 */
async function requestsOf(page: Page, act: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let inFlight = 0;
  let last = Date.now();
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  const start = (r: Request) => {
    if (!isApi(r)) return;
    seen.push(`${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '')}`);
    inFlight++;
    last = Date.now();
  };
  const end = (r: Request) => {
    if (!isApi(r)) return;
    inFlight--;
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await act();
    while (inFlight > 0 || Date.now() - last < QUIET_MS) await page.waitForTimeout(100);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
  return seen;
}

function duplicates(where: string, requests: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([r, n]) => `${where}: ${r} ×${n}`);
}

/** The links of a navigation bar, in order. */
const linksOf = (page: Page, nav: string) =>
  page.locator(`[data-testid="${nav}"] a`).evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))]);

describe('each page asks the server once per request (Chromium)', function () {
  this.timeout(300_000);
  const e2e = inChromium(async (world) => {
    await runSeeders(world);
  });

  /** Every page of a navigation bar, reached by a click as users do (the first one also by its URL). */
  async function everyPage(page: Page, nav: string): Promise<string[]> {
    // The navigation renders after the first data arrives: wait for its links before reading them.
    await page.locator(`[data-testid="${nav}"] a`).nth(1).waitFor({ timeout: 15_000 });
    const paths = await linksOf(page, nav);
    expect(paths.length, `${nav} has links`).to.be.greaterThan(1);
    const found = duplicates(`${paths[0]} (load)`, await requestsOf(page, () => page.goto(e2e.srv.url + paths[0])));
    for (const path of [...paths.slice(1), paths[0]!]) {
      const clicked = await requestsOf(page, () => page.locator(`[data-testid="${nav}"] a[href="${path}"]`).first().click());
      found.push(...duplicates(path, clicked));
    }
    return found;
  }

  it('signed out: the public pages', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e.message}`));
    try {
      await page.goto(e2e.srv.url + '/commitments');
      expect(await everyPage(page, 'public-nav')).to.deep.equal([]);
    } finally {
      await page.close();
    }
    expect(errors).to.deep.equal([]);
  });

  for (const [role, email] of ACCOUNTS) {
    it(`${role}: signing in, then every page of the navigation`, async () => {
      const context = await e2e.browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e.message}`));
      try {
        await page.goto(e2e.srv.url + '/login');
        await page.locator('input[name="email"]').fill(email);
        await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
        const landing = await requestsOf(page, async () => {
          await page.getByTestId('login-submit').click();
          await page.getByTestId('nav').waitFor({ state: 'visible', timeout: 15_000 });
        });
        const found = duplicates('sign-in and home page', landing);
        found.push(...(await everyPage(page, 'nav')));
        expect(found).to.deep.equal([]);
      } finally {
        await context.close();
      }
      expect(errors).to.deep.equal([]);
    });
  }

  // Skipped: on main the dashboard does not reload after a filing within the test's window; to be fixed first next session.
  it('regulator: a filing that changes the dashboard reloads each figure once', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.stack ?? e.message}`));
    try {
      await signInAs(page, e2e.srv.url, DEMO.regulatorHz);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
      await requestsOf(page, () => page.goto(e2e.srv.url + '/dashboard'));
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
      const consumer = await signedIn(e2e.srv.url, DEMO.consumer);
      const product = { name: '暖手宝', category: 'electric_hand_warmer' as const, brand: '暖暖', model: 'NN-1' };
      // An urgent filing raises a flag after the answer: two events a moment apart, one reload.
      // The figures reload (debounced) after the filing's event: wait for that, then for quiet.
      const reload = await requestsOf(page, async () => {
        const reloaded = page.waitForRequest((r) => r.url().includes('/api/analytics/summary'), { timeout: 30_000 });
        await fileVia(
          consumer,
          filing(e2e.world, '330106', {
            product,
            problemType: 'safety',
            safetyIncident: { kind: 'burn', injured: true, description: '使用中外壳过热烫伤手。' },
            description: '暖手宝外壳过热，烫伤手背。',
          }),
        );
        await reloaded;
      });
      expect(reload.filter((r) => r.includes('/api/analytics/summary')).length, reload.join('\n')).to.equal(1);
      expect(duplicates('dashboard after a filing', reload)).to.deep.equal([]);
    } finally {
      await context.close();
    }
    expect(errors).to.deep.equal([]);
  });
});
