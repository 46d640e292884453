// Every API call each role's pages make, found by opening the pages in Chromium as that role (the
// navigation of client/src/app/nav.ts, then one detail page of each kind linked from them) and
// recording the requests, with every tab of a page clicked; then each call is replayed over HTTP and
// timed. The pages are those the rendered navigation links (client/src/app/nav.ts), so a page added
// there is measured too.
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import { ApiClient, DEMO } from '../test/helpers/http.js';
import { LIMIT_MS, settle, Traffic } from './settle.js';
import { besideYardstick, Timings, type Bounds, type Sample } from './stats.js';

export const ROLES: { key: string; email?: string }[] = [
  { key: 'consumer', email: DEMO.consumer },
  { key: 'merchant', email: DEMO.merchant },
  { key: 'regulator county', email: DEMO.regulatorYw },
  { key: 'regulator city', email: DEMO.regulatorHz },
  { key: 'regulator province', email: DEMO.regulatorZj },
  { key: 'admin', email: DEMO.admin },
  { key: 'public' },
];

export interface Call {
  role: string;
  /** The page that made it first. */
  page: string;
  /** Method and path with ids as :id, query included. */
  label: string;
  path: string;
}

/** The calls every load of the app makes, whatever the page: the session check and the notification bell's list. */
const SHELL = new Set(['GET /api/auth/me', 'GET /api/notifications?limit=20']);

// Any page of one record (a complaint, merchant, flag, case, commitment, a store's public page…), one of each kind.
const DETAIL = /^\/((?:public\/)?[a-z-]+)\/[0-9a-f]{24}$/;
const ID = /[0-9a-f]{24}/g;

export async function signIn(url: string, email?: string): Promise<ApiClient> {
  const c = new ApiClient(url);
  if (email) await c.login(email);
  return c;
}

/**
 * Calls a page makes only on what a user types, with what a user would type: a search for a common
 * product word (many matches: the rarest-term read and its fallbacks) and for a phrase.
 */
const TYPED: { page: string; path: string }[] = [
  { page: '/search', path: `/api/complaints/search?q=${encodeURIComponent('热水壶')}` },
  { page: '/search', path: `/api/complaints/search?q=${encodeURIComponent('底座漏电')}` },
];

/** What an open-data client asks that no page does: the largest page of records (docs/open-data.md). */
const CRAWLED: { page: string; path: string }[] = [{ page: '/open-data', path: '/api/open-data/complaints?limit=100' }];

/**
 * Calls a signed-out page makes on a choice: the published complaints of a city (the list's filter), of
 * a city and a category (two filters: their total counts rows), read by publication day (disclosure/counts.ts).
 */
const CHOSEN: { page: string; path: string }[] = [
  { page: '/public/complaints', path: '/api/public/complaints?limit=20&cityCode=3301' },
  { page: '/public/complaints', path: '/api/public/complaints?limit=20&cityCode=3301&category=household_appliance' },
];

/**
 * Calls a page makes on a click, built from what the role was shown: a response template filled for
 * the complaint it opened (the "insert template" button of the complaint page's forms).
 */
async function clicked(client: ApiClient, role: string, calls: Call[]): Promise<Call[]> {
  const complaint = calls.find((c) => c.role === role && c.label === 'GET /api/complaints/:id');
  if (!complaint || !calls.some((c) => c.role === role && c.label === 'GET /api/response-templates')) return [];
  const first = ((await client.get('/response-templates')).body as { items?: { id: string }[] }).items?.[0];
  if (!first) return [];
  const path = `/api/response-templates/${first.id}/fill?complaintId=${complaint.path.split('/').pop()}`;
  return [{ role, page: '/complaints/:id', label: `GET ${path.replace(ID, ':id')}`, path }];
}

/** Opens each page of each role and lists the distinct GET /api calls they make, then the typed ones of each signed-in role. */
export async function discover(url: string): Promise<Call[]> {
  const browser: Browser = await launchBrowser();
  const calls: Call[] = [];
  try {
    for (const r of ROLES) {
      const client = await signIn(url, r.email);
      const context = await browser.newContext({ locale: 'zh-CN' });
      if (client.cookies.size) await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url })));
      const page = await context.newPage();
      const traffic = new Traffic(page);
      const seen = new Set<string>();
      let current = '';
      // The calls of the pages opened, but those of the app's shell.
      let own = 0;
      page.on('request', (req) => {
        const u = new URL(req.url());
        if (!u.pathname.startsWith('/api/') || req.method() !== 'GET' || !['fetch', 'xhr'].includes(req.resourceType())) return;
        const label = `${req.method()} ${(u.pathname + u.search).replace(ID, ':id')}`;
        if (!SHELL.has(label)) own++;
        if (seen.has(label)) return;
        seen.add(label);
        calls.push({ role: r.key, page: current, label, path: u.pathname + u.search });
      });
      const details = new Map<string, string>();
      let nav: string[] = [];
      const settled = async (what: string) => {
        if (!(await settle(page, traffic))) console.warn(`  ${r.key}: ${what} still busy after the limit; left`);
      };
      const open = async (p: string) => {
        current = p.replace(ID, ':id');
        // A page that sent no call of its own is opened again, once: its script may have failed to load.
        for (let attempt = 0, before = own; attempt < 2 && own === before; attempt++) {
          // Its scripts and calls are waited for by settle(), not by the load event (30 s at most).
          await page.goto(url + p, { waitUntil: 'commit', timeout: LIMIT_MS });
          // The navigation renders once the session is known; then the page's own calls settle.
          if (!nav.length) await page.locator('a[data-testid^="nav-"]').first().waitFor({ timeout: LIMIT_MS });
          await settled(p);
        }
        const links = await page.$$eval('a[href]', (as) =>
          as.map((a) => ({ href: a.getAttribute('href') ?? '', nav: (a.getAttribute('data-testid') ?? '').startsWith('nav-') })),
        );
        if (!nav.length) nav = links.filter((l) => l.nav).map((l) => l.href);
        // A page's tabs (the merchant inbox's, the store list's, the queue's 我的 / 未分配 views) ask for their own lists.
        for (const tab of (await page.locator('[role="tab"][aria-selected="false"]').all()).slice(0, 8)) {
          await tab.click().catch(() => {});
          await settled(`${p}, a tab`);
        }
        for (const { href } of links) {
          const kind = DETAIL.exec(href)?.[1];
          if (kind && !details.has(kind)) details.set(kind, href);
        }
      };
      // Signed in, "/" is the role's home; signed out, a public page shows the public navigation.
      await open(r.email ? '/' : '/problem-products');
      for (const p of nav) await open(p);
      for (const p of [...details.values()]) await open(p);
      // A console error of a page fails an e2e test (test/helpers/browser.ts); here the calls were recorded all the same.
      await context.close().catch((e: unknown) => console.warn(`  ${r.key}: ${(e as Error).message.replace(/\n/g, ' ')}`));
      if (r.email) for (const c of TYPED) calls.push({ role: r.key, page: c.page, label: `GET ${c.path}`, path: c.path });
      else for (const c of [...CRAWLED, ...CHOSEN]) calls.push({ role: r.key, page: c.page, label: `GET ${c.path}`, path: c.path });
      calls.push(...(await clicked(client, r.key, calls)));
    }
  } finally {
    await browser.close();
  }
  return calls;
}

export interface Timed extends Call {
  sample: Sample;
  /** `GET /api/auth/me` timed beside this call and its neighbours (the call's yardstick). */
  yardstick: Sample;
}

/** Rounds of one call request and one auth/me request per call: at least 20 (so the p95 is not the slowest request), more within 1.5 s. */
export const PER_CALL: Bounds = { min: 20, max: 40, budgetMs: 1500 };
/** Past the phase's budget, each remaining call gets this many rounds. */
export const LATE: Bounds = { min: 8, max: 8, budgetMs: 0 };
/** A call's yardstick pools the auth/me requests of the calls this many places before and after it. */
export const NEIGHBOURS = 2;

/**
 * Each call replayed as its role, one at a time, interleaved with `GET /api/auth/me` of a signed-in
 * consumer (the yardstick): a call's p95 is divided by the p95 of the auth/me requests made beside
 * it (its own rounds and its neighbours'), so a burst of load on the machine moves both. Returns the
 * calls and every auth/me request of the phase.
 */
export async function timeCalls(url: string, calls: Call[], o: { budgetMs: number }): Promise<{ calls: Timed[]; authMe: Sample }> {
  const clients = new Map<string, ApiClient>();
  for (const r of ROLES) clients.set(r.key, await signIn(url, r.email));
  const yard = await signIn(url, DEMO.consumer);
  const me = async () => (await yard.get('/auth/me')).status;
  for (let i = 0; i < 10; i++) await me();
  const raw: { call: Timings; yardstick: Timings }[] = [];
  const start = Date.now();
  for (const c of calls) {
    const client = clients.get(c.role)!;
    const path = c.path.replace(/^\/api/, '');
    const late = Date.now() - start > o.budgetMs;
    await client.get(path);
    raw.push(await besideYardstick(async () => (await client.get(path)).status, me, late ? LATE : PER_CALL));
  }
  return {
    calls: calls.map((c, i) => ({
      ...c,
      sample: raw[i]!.call.sample(),
      yardstick: Timings.of(raw.slice(Math.max(0, i - NEIGHBOURS), i + NEIGHBOURS + 1).map((r) => r.yardstick)).sample(),
    })),
    authMe: Timings.of(raw.map((r) => r.yardstick)).sample(),
  };
}
