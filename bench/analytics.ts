// Hotspot and summary query times over 5k and 50k complaint facts on the real database
// (MONGODB_URI, or an embedded FerretDB in a temporary directory, as the tests use).
import { performance } from 'node:perf_hooks';
import '../test/helpers/env.js';
import { startTestDatabase, stopTestDatabase } from '../test/helpers/database.js';
import { freshWorld } from '../test/helpers/server.js';
import { backgroundSpecs, specStores } from '../server/seed/productsPlan.js';
import { insertSynthetic } from '../server/products/synthetic.js';
import { hotspots } from '../server/analytics/hotspots.js';
import { summary } from '../server/analytics/summary.js';
import { mapCounts, timeseries, top } from '../server/analytics/figures.js';
import { now } from '../server/clock.js';
import { ComplaintFactModel } from '../server/models/ComplaintFact.js';
import { sealCounts } from '../server/counts/ledger.js';
import { merchantIndices } from '../server/indices/merchantIndex.js';
import { ranking } from '../server/indices/rankings.js';

async function time(label: string, f: () => Promise<unknown>, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(6)} ms`);
}

export async function run(sizes = [5000, 50000]) {
  await startTestDatabase();
  try {
    const world = await freshWorld();
    const stores = specStores(world.stores);
    const consumers = [...world.users.values()].filter((u) => u.role === 'consumer').map((u) => u._id);
    let have = 0;
    for (const n of sizes) {
      const t = performance.now();
      await insertSynthetic(backgroundSpecs({ now: now(), stores, consumers, background: n - have, seed: n }), now());
      have = n;
      // As the minutely job does: the ledger's deltas go into their snapshots.
      await sealCounts(now());
      // Three runs each at the small size; one at the large, where a run takes seconds.
      const runs = n > 10_000 ? 1 : 3;
      console.log(
        `analytics at ${await ComplaintFactModel.countDocuments()} complaints (inserted in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
      await time('hotspots province × county, 4 weeks', () => hotspots({ region: '33', level: 'county', baselineWeeks: 8 }), runs);
      await time('hotspots Hangzhou × county, 4 weeks', () => hotspots({ region: '3301', level: 'county', baselineWeeks: 8 }), runs);
      await time('summary province, all time', () => summary('33', {}), runs);
      await time('summary Hangzhou, all time', () => summary('3301', {}), runs);
      await time('timeseries province by day, 90 days', () => timeseries('33', 'day', {}), runs);
      await time('top products province', () => top('products', '33', {}, 10), runs);
      await time('map province by county', () => mapCounts('33', 'county', {}), runs);
      await time('merchant indices (public profile)', () => merchantIndices(String(stores[0]!.merchantId)), runs);
      await time('ranking Hangzhou toys per store', () => ranking('3301', 'toy'), runs);
    }
  } finally {
    await stopTestDatabase();
  }
}
