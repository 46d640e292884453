// `npm run bench`: the scale benchmark (bench/scale.ts) at 5k, 50k and 200k complaints, written to
// docs/performance.md. Options for a quicker look (nothing written unless --write):
//   npm run bench -- --sizes 5000                 one size
//   npm run bench -- --engines postgres,sqlite    also the other engine, side by side at the first size
//   npm run bench -- seed | analytics             the demo seed time / the analytics queries alone
import { createRequire } from 'node:module';
import { runScale } from './scale.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const only = args.find((a) => ['seed', 'analytics'].includes(a));
if (only) {
  // These load the test helpers through require, as mocha loads the tests.
  const require = createRequire(import.meta.url);
  const mod = require(`./${only}.ts`) as { run(sizes?: number[]): Promise<void> };
  await mod.run(opt('sizes')?.split(',').map(Number));
} else {
  const sizes = opt('sizes')?.split(',').map(Number) ?? [5000, 50_000, 200_000];
  const engines = opt('engines')?.split(',') ?? [process.env.FANGXIN_ENGINE ?? 'postgres'];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || engines.some((e) => !['postgres', 'sqlite'].includes(e))) {
    console.error('usage: npm run bench [-- --sizes 5000,50000,200000] [--engines postgres,sqlite] [--write]');
    process.exit(2);
  }
  const write = args.includes('--write') || (!opt('sizes') && !opt('engines'));
  await runScale({ sizes, engines, write });
}
process.exit(0);
