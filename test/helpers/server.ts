import { loadConfig, type Config } from '../../server/config.js';
import { listen, type Listening } from '../../server/index.js';
import { seedFoundation } from '../../server/seed/demo.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { resetDb } from './database.js';

export const DEMO_PASSWORD = 'Fangxin-Demo-2026';

export function testConfig(over: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SEED: 'off',
    DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    DATA_DIR: process.env.TEST_DATA_DIR ?? '/tmp/fangxin-test-data',
    ...over,
  });
}

export interface TestServer extends Listening {
  config: Config;
}

/** The real app on a free port over the test database; jobs run only when a test drives them. */
export async function startTestServer(
  opts: { loginLimit?: number; rateLimitScale?: number; config?: Record<string, string> } = {},
): Promise<TestServer> {
  const config = testConfig(opts.config);
  // Abuse limits are raised unless a test is about them: other tests send many requests from one address.
  const l = await listen(config, { scheduler: false, loginLimit: opts.loginLimit ?? 1000, rateLimitScale: opts.rateLimitScale ?? 1000 });
  return { ...l, config };
}

/** An empty database with the foundation demo world (regions, bureaus, merchants, stores, demo accounts). */
export async function freshWorld(): Promise<DemoWorld> {
  await resetDb();
  return seedFoundation(testConfig());
}
