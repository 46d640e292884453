// When a page the bench walks (pages.ts) has made its calls. Waiting for Playwright's 'networkidle'
// (no request for 500 ms) under a 20 s limit found 249 calls on a loaded machine instead of 287–304:
// the admin's dashboard, the city's queue, the county's and the province's case lists were left before
// their requests went out. Starved of CPU, the page's script had not yet run the effects that send
// them when the network had been quiet for 500 ms, or a slow answer outlasted the limit. Here a page
// is done when its main thread has been idle (so its effects have run), then nothing was sent or
// answered for a quiet interval, nothing is in flight and no loading indicator is shown; the limit
// is only a guard against a page that never settles, and is reported.
import type { Page, Request } from 'playwright-core';

/** Quiet after the main thread was idle: no request sent or answered meanwhile. */
const QUIET_MS = 1_000;
/** A page still busy after this is left, with a warning; also how long a page may take to arrive. */
export const LIMIT_MS = 180_000;
/** The spinner of a page or panel waiting for its data (client/src/components/Loading.tsx). */
const LOADING = '[data-testid="loading"]';

/** The requests of one page in flight, and how many were sent and answered: socket.io's long polls aside (one is always open). */
export class Traffic {
  readonly inflight = new Set<Request>();
  events = 0;

  constructor(page: Page) {
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/socket.io/')) return;
      this.inflight.add(r);
      this.events++;
    });
    const ended = (r: Request) => {
      if (this.inflight.delete(r)) this.events++;
    };
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
  }
}

/** Resolves once the page's main thread is idle (a navigation meanwhile ends it too: the loop asks again). */
const idle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 }))).catch(() => {});

/** Waits until the page has sent and been answered every request it makes on its own; false past the limit. */
export async function settle(page: Page, traffic: Traffic): Promise<boolean> {
  const until = Date.now() + LIMIT_MS;
  while (Date.now() < until) {
    const mark = traffic.events;
    await idle(page);
    await page.waitForTimeout(QUIET_MS);
    if (traffic.events === mark && !traffic.inflight.size && !(await page.locator(LOADING).count())) return true;
  }
  return false;
}
