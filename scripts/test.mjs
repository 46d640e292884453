// `npm test`: install what is missing (dependencies, FerretDB, Chromium, the client build), check
// types, lint and formatting, then run the server/shared/socket suite and the browser suite against real things.
// The fault suite (test/faults/) runs there in its short form; `npm run test:faults` (`--faults`)
// runs only it, in full.
import { spawn } from 'node:child_process';
import { ROOT, ensureChromium, ensureClientBuild, ensureDependencies, ensureFerretDb, ensureRedis, fail, run } from './ensure.mjs';

function mocha(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/mocha/bin/mocha.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on('exit', (code) => {
      const count = (word) => Number(out.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
      resolve({ code: code ?? 1, passed: count('passing'), failed: count('failing'), skipped: count('pending') });
    });
  });
}

const started = Date.now();
if (process.argv.includes('--faults')) {
  try {
    ensureDependencies();
    ensureFerretDb();
  } catch (e) {
    fail(e);
  }
  process.env.FANGXIN_FAULTS = 'full';
  console.log('› fault tests (full form)');
  const faults = await mocha(['test/faults/**/*.test.ts']);
  console.log(
    `\nnpm run test:faults finished in ${Math.round((Date.now() - started) / 1000)} s: ${faults.passed} passed, ${faults.failed} failed`,
  );
  process.exit(faults.code || (faults.passed === 0 ? 1 : 0));
}

try {
  ensureDependencies();
  ensureFerretDb();
  ensureChromium();
  ensureRedis();
  console.log('› type-checking and linting…');
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('npx', ['tsc', '-p', 'client/tsconfig.json', '--noEmit']);
  run('npx', ['eslint', '.', '--max-warnings=0']);
  run('npx', ['prettier', '--check', '.', '--log-level', 'warn']);
  ensureClientBuild();
} catch (e) {
  fail(e);
}

console.log('› server, shared and socket tests');
const unit = await mocha(['test/**/*.test.ts']);
console.log('› browser tests (Chromium)');
const e2e = await mocha(['test/e2e/**/*.e2e.ts', '--timeout', '60000']);

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
const skipped = unit.skipped + e2e.skipped;
console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(unit.code || e2e.code || (passed === 0 ? 1 : 0));
