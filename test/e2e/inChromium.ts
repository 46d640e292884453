// The startup and teardown every browser test file shares: a fresh foundation world, the test
// server and Chromium before the file's own hooks, and after its tests the browser closed (a page
// or console error of a context left open fails the file there) and the server stopped.
import type { Browser } from 'playwright-core';
import type { DemoWorld } from '../../server/seed/registry.js';
import { launchBrowser } from '../helpers/browser.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

export interface InChromium {
  world: DemoWorld;
  srv: TestServer;
  browser: Browser;
}

/**
 * Registers the hooks in the calling `describe`; the fields are set once they ran (read them in
 * hooks and tests). `seed` adds to the world what the server should find when it starts.
 */
export function inChromium(seed?: (world: DemoWorld) => Promise<unknown>): InChromium {
  const e2e = {} as InChromium;
  before(async () => {
    e2e.world = await freshWorld();
    await seed?.(e2e.world);
    e2e.srv = await startTestServer();
    e2e.browser = await launchBrowser();
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.srv?.stop();
  });
  return e2e;
}
