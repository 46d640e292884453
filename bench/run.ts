// `npm run bench`: the scale benchmark (bench/scale.ts) at 5k, 50k and 200k complaints, written to
// docs/performance.md. Options for a quicker look (nothing written unless --write):
//   npm run bench -- --sizes 5000                 one size
//   npm run bench -- --engines postgres,sqlite    also the other engine, side by side at the first size
//   npm run bench -- seed | analytics             the demo seed time / the analytics queries alone
//   npm run bench -- writes                       commands per filing and transition, filing rate
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const MODES: Record<string, string> = { seed: 'seed', analytics: 'analytics', writes: 'writeCost' };
const only = args.find((a) => a in MODES);
if (only) {
  // These load the test helpers through require, as mocha loads the tests.
  const require = createRequire(import.meta.url);
  const mod = require(`./${MODES[only]}.ts`) as { run(sizes?: number[]): Promise<void> };
  await mod.run(opt('sizes')?.split(',').map(Number));
} else {
  const sizes = opt('sizes')?.split(',').map(Number) ?? [5000, 50_000, 200_000];
  const engines = opt('engines')?.split(',') ?? [process.env.FANGXIN_ENGINE ?? 'postgres'];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || engines.some((e) => !['postgres', 'sqlite'].includes(e))) {
    console.error('usage: npm run bench [-- --sizes 5000,50000,200000] [--engines postgres,sqlite] [--write] | [-- seed|analytics|writes]');
    process.exit(2);
  }
  const write = args.includes('--write') || (!opt('sizes') && !opt('engines'));
  // Imported here only: the modes above load the server through require, and one process must not load it twice.
  const { runScale } = await import('./scale.js');
  await runScale({ sizes, engines, write });
}
process.exit(0);
