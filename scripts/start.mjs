// `npm start`: install what is missing, then run the server (which starts the embedded database
// unless MONGODB_URI is set, and seeds an empty one) while the client builds, if it must.
import { spawn } from 'node:child_process';
import { ROOT, buildClientInBackground, ensureDependencies, ensureFerretDb, fail } from './ensure.mjs';
import { SERVER_NODE_ARGS, serverProcessEnv } from './serverProcess.mjs';

try {
  ensureDependencies();
  ensureFerretDb();
} catch (e) {
  fail(new Error(`Fangxin cannot start: ${e.message}`));
}

// The engine's start and the demo seed do not need the client: both run while it builds. The
// server's lines from its URL on wait for the build, so the URL printed opens a working page.
const child = spawn(process.execPath, SERVER_NODE_ARGS, {
  cwd: ROOT,
  env: serverProcessEnv(process.env),
  stdio: ['inherit', 'pipe', 'inherit'],
});
let held = null;
let built = false;
child.stdout.on('data', (d) => {
  if (!built && !held && /is running at/.test(d.toString())) held = [];
  if (held && !built) held.push(d);
  else process.stdout.write(d);
});
buildClientInBackground().then(
  () => {
    built = true;
    for (const d of held ?? []) process.stdout.write(d);
  },
  (e) => {
    child.kill('SIGTERM');
    fail(new Error(`Fangxin cannot start: ${e.message}`));
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// npm's shell may die of a signal without passing it on; an orphaned start stops the server too.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
