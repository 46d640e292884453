import type { HydratedDocument } from 'mongoose';
import type { Config } from '../config.js';
import type { OrganizationRecord } from '../models/Organization.js';
import type { StoreRecord } from '../models/Store.js';
import type { UserRecord } from '../models/User.js';
import type { RegionRow } from './regions.js';
import { logger } from '../logger.js';
import { writeLoadCounts, type Tally } from '../counts/ledger.js';
import mongoose from 'mongoose';

/** What the foundation seed made, handed to each capability's seeder. */
export interface DemoWorld {
  config: Config;
  regions: RegionRow[];
  chain: HydratedDocument<OrganizationRecord>;
  shop: HydratedDocument<OrganizationRecord>;
  otherMerchants: HydratedDocument<OrganizationRecord>[];
  stores: HydratedDocument<StoreRecord>[];
  users: Map<string, HydratedDocument<UserRecord>>;
  /**
   * The counts of the bulk loads of one order (the demo's and the dashboard's complaints), written as
   * one sealed snapshot per scope once that order is done: their scopes mostly repeat each other's, and
   * each sealed write re-reads and re-stores every scope it names. A seeder adds to it only when it
   * finishes within its own order.
   */
  counts: Tally;
}

export type Seeder = {
  name: string;
  order: number;
  /**
   * The last order it may run beside (default: its own). A seeder nothing later needs (one that only
   * adds data of its own) keeps running while the next orders start; the seed ends when all are done.
   */
  until?: number;
  run(world: DemoWorld): Promise<void>;
};
const seeders: Seeder[] = [];

/** Capabilities add their demo data here (complaints, returns, sampling…), run in `order` (equal orders at once). */
export function addSeeder(s: Seeder): void {
  if (!seeders.some((x) => x.name === s.name)) seeders.push(s);
}

/** Runs one step of a seeder and logs its time (LOG_LEVEL=debug), so the first start's wait traces to a step. */
export async function timed<T>(step: string, f: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await f();
  } finally {
    logger.debug({ step, ms: Date.now() - started }, 'seed step');
  }
}

/**
 * Runs the seeders in `order`; those of the same order do not depend on each other and run at once.
 * An order starts once every seeder before it is done, except those whose `until` reaches it.
 */
export async function runSeeders(world: DemoWorld): Promise<void> {
  const orders = [...new Set(seeders.map((s) => s.order))].sort((a, b) => a - b);
  const running: { until: number; done: Promise<void> }[] = [];
  for (const [i, order] of orders.entries()) {
    for (const s of seeders.filter((x) => x.order === order)) {
      const started = Date.now();
      // Each seeder's share of the first start's wait, for whoever makes it shorter.
      const done = s.run(world).then(() => logger.info({ seeder: s.name, ms: Date.now() - started }, 'seeder done'));
      running.push({ until: s.until ?? order, done });
    }
    const next = orders[i + 1] ?? Infinity;
    await Promise.all(running.filter((r) => r.until < next).map((r) => r.done));
    if (world.counts.size) {
      await timed('load counts', () => writeLoadCounts(world.counts, String(new mongoose.Types.ObjectId())));
      world.counts.clear();
    }
  }
}
