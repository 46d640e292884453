// How long the demo seed takes (the wait of a first `npm start`) and how fast the lists people open
// first answer on that data, on the real database (MONGODB_URI, or an embedded FerretDB).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import '../test/helpers/env.js';
import { wireCapabilities } from '../server/capabilities.js';
import { startTestDatabase, stopTestDatabase, resetDb, testEmbeddedDb } from '../test/helpers/database.js';
import { withDirectWrites } from '../server/db/directWrites.js';
import { testConfig } from '../test/helpers/server.js';
import { seedIfEmpty } from '../server/seed/demo.js';
import { ComplaintModel } from '../server/models/Complaint.js';
import { listComplaints } from '../server/complaints/query.js';
import { UserModel } from '../server/models/User.js';
import { toActor } from '../server/policies/actor.js';

/**
 * CPU seconds so far of this process and of its descendants (the engine: PostgreSQL, whose reaped
 * backends count in the postmaster's, and FerretDB), from /proc; null where there is none (not Linux).
 */
export function cpuSeconds(): { node: number; engine: number } | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const tick = 100; // USER_HZ, 100 on every Linux the benchmark runs on
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14-17 (utime, stime, cutime, cstime), counted from after the command name (field 3).
      procs.set(Number(pid), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => {
    for (let p = procs.get(pid)?.ppid; p; p = procs.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  let engine = 0;
  for (const [pid, p] of procs) if (under(pid)) engine += p.ticks;
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1e6, engine: engine / tick };
}

export async function run() {
  wireCapabilities();
  await startTestDatabase();
  try {
    await resetDb();
    const t = performance.now();
    const cpu = cpuSeconds();
    // As `npm start` seeds: straight into the engine's tables where it can.
    await withDirectWrites(testEmbeddedDb()?.postgresUrl ?? null, () => seedIfEmpty(testConfig()));
    const wall = (performance.now() - t) / 1000;
    const after = cpuSeconds();
    const used =
      cpu && after
        ? `, ${(after.node - cpu.node + after.engine - cpu.engine).toFixed(1)} CPU s (node ${(after.node - cpu.node).toFixed(1)}, engine ${(after.engine - cpu.engine).toFixed(1)})`
        : '';
    console.log(`  demo seed: ${wall.toFixed(1)} s${used} for ${await ComplaintModel.estimatedDocumentCount()} complaints`);
    for (const email of ['consumer@demo.fangxin.cn', 'merchant@demo.fangxin.cn', 'regulator.zj@demo.fangxin.cn']) {
      const actor = toActor((await UserModel.findOne({ email }).lean())!);
      const s = performance.now();
      await listComplaints(actor, { limit: 20 } as never);
      console.log(`  first page of complaints as ${email.padEnd(30)} ${(performance.now() - s).toFixed(0).padStart(6)} ms`);
    }
  } finally {
    await stopTestDatabase();
  }
}
