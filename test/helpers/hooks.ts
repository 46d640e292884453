// Mocha root hooks: one real database for the whole run (and a Redis for the tests that ask for one).
import './env.js';
import { wireCapabilities } from '../../server/capabilities.js';
import { startTestDatabase, stopTestDatabase } from './database.js';
import { stopTestRedis } from './redis.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    wireCapabilities();
    await startTestDatabase();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopTestRedis();
    await stopTestDatabase();
  },
};
