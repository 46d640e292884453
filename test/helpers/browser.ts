import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Chromium logs every HTTP error answer as a console error. A 4xx is an answer the page handles (a
// signed-out `GET /auth/me`, a refused action shown as a message); a 5xx or anything else is a bug.
const HANDLED_HTTP = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

const tolerated = new WeakMap<BrowserContext, RegExp[]>();

/** A test that cuts a connection on purpose (`page.route(..., r => r.abort())`) names the failed loads it caused. */
export function tolerateFailedLoads(context: BrowserContext, url: RegExp): void {
  tolerated.set(context, [...(tolerated.get(context) ?? []), url]);
}

/**
 * Records uncaught page errors and console errors of every page of a context; closing the context
 * (or the browser) then fails with what was recorded, so an e2e test fails on any of them.
 */
function watch(context: BrowserContext): BrowserContext {
  const problems: string[] = [];
  context.on('weberror', (e) => problems.push(`uncaught page error: ${e.error().stack ?? e.error().message}`));
  context.on('console', (m) => {
    if (m.type() !== 'error' || HANDLED_HTTP.test(m.text())) return;
    const url = m.location().url;
    if (m.text().startsWith('Failed to load resource') && tolerated.get(context)?.some((re) => re.test(url))) return;
    problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.splice(0).join('\n')}`);
  };
  return context;
}

/** Debian's Chromium, headless, without background networking (the machine has no network). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = watch(await newContext(options));
    contexts.push(context);
    return context;
  };
  // A bare page gets its own watched context, closed with the page.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const closePage = page.close.bind(page);
    page.close = async (o) => {
      await closePage(o);
      await context.close();
    };
    return page;
  };
  const closeBrowser = browser.close.bind(browser);
  browser.close = async (options) => {
    // Contexts a test left open report their errors here.
    const failures: unknown[] = [];
    for (const c of contexts.splice(0)) await c.close().catch((e: unknown) => failures.push(e));
    await closeBrowser(options);
    if (failures.length > 0) throw failures[0];
  };
  return browser;
}

/** Signs in through the real sign-in page and waits for the signed-in shell. */
export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(baseUrl + '/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav').waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Switches a signed-in page to English and waits until the account has stored it: the account's
 * language wins on the next load, so a test that navigates right after the click would otherwise
 * race the save and read Chinese.
 */
export async function switchSignedInToEnglish(page: Page): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH' && r.ok());
  await page.getByTestId('language-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await saved;
}
