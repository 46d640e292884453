// `npm run bench`: runs every benchmark in order. The bench files are loaded through require so
// they get the same CommonJS interop as the test runner (chinese-days has no ESM named exports).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const benches: { name: string; file: string }[] = [{ name: 'analytics', file: './analytics.ts' }];

const only = process.argv[2];
for (const b of benches) {
  if (only && b.name !== only) continue;
  console.log(`# ${b.name}`);
  const mod = require(b.file) as { run(sizes?: number[]): Promise<void> };
  const sizes = process.env.BENCH_SIZES?.split(',').map(Number);
  await mod.run(sizes);
}
process.exit(0);
