// How long the demo seed takes (the wait of a first `npm start`) and how fast the lists people open
// first answer on that data, on the real database (MONGODB_URI, or an embedded FerretDB).
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

export async function run() {
  wireCapabilities();
  await startTestDatabase();
  try {
    await resetDb();
    const t = performance.now();
    // As `npm start` seeds: straight into the engine's tables where it can.
    await withDirectWrites(testEmbeddedDb()?.postgresUrl ?? null, () => seedIfEmpty(testConfig()));
    console.log(
      `  demo seed: ${((performance.now() - t) / 1000).toFixed(1)} s for ${await ComplaintModel.estimatedDocumentCount()} complaints`,
    );
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
