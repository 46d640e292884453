import type { HydratedDocument } from 'mongoose';
import type { Config } from '../config.js';
import type { OrganizationRecord } from '../models/Organization.js';
import type { StoreRecord } from '../models/Store.js';
import type { UserRecord } from '../models/User.js';
import type { RegionRow } from './regions.js';
import { logger } from '../logger.js';

/** What the foundation seed made, handed to each capability's seeder. */
export interface DemoWorld {
  config: Config;
  regions: RegionRow[];
  chain: HydratedDocument<OrganizationRecord>;
  shop: HydratedDocument<OrganizationRecord>;
  otherMerchants: HydratedDocument<OrganizationRecord>[];
  stores: HydratedDocument<StoreRecord>[];
  users: Map<string, HydratedDocument<UserRecord>>;
}

export type Seeder = { name: string; order: number; run(world: DemoWorld): Promise<void> };
const seeders: Seeder[] = [];

/** Capabilities add their demo data here (complaints, returns, sampling…), run in `order`. */
export function addSeeder(s: Seeder): void {
  if (!seeders.some((x) => x.name === s.name)) seeders.push(s);
}

export async function runSeeders(world: DemoWorld): Promise<void> {
  for (const s of [...seeders].sort((a, b) => a.order - b.order)) {
    const started = Date.now();
    await s.run(world);
    // Each seeder's share of the first start's wait, for whoever makes it shorter.
    logger.info({ seeder: s.name, ms: Date.now() - started }, 'seeder done');
  }
}
