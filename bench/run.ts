// `npm run bench` (`npm run bench -- analytics` for one; BENCH_SIZES=5000 for the small run): runs
// every benchmark in order. Bench files are loaded through require, as mocha loads the tests, so
// they share the test helpers' module format.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const benches: { name: string; file: string }[] = [
  { name: 'seed', file: './seed.ts' },
  { name: 'analytics', file: './analytics.ts' },
];

const only = process.argv[2];
for (const b of benches) {
  if (only && b.name !== only) continue;
  console.log(`# ${b.name}`);
  const mod = require(b.file) as { run(sizes?: number[]): Promise<void> };
  const sizes = process.env.BENCH_SIZES?.split(',').map(Number);
  await mod.run(sizes);
}
process.exit(0);
