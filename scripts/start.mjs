// `npm start`: install what is missing, build the client, then run the server (which starts the
// embedded database unless MONGODB_URI is set, and seeds an empty one).
import { spawn } from 'node:child_process';
import { ROOT, ensureClientBuild, ensureDependencies, ensureFerretDb, fail } from './ensure.mjs';

try {
  ensureDependencies();
  ensureFerretDb();
  ensureClientBuild();
} catch (e) {
  fail(new Error(`Fangxin cannot start: ${e.message}`));
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// npm's shell may die of a signal without passing it on; an orphaned start stops the server too.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
