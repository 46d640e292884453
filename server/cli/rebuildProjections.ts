// `npm run rebuild-projections [-- --dry-run]`: recompute every complaint from its events and list
// the differences found (written back unless --dry-run).
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connection.js';
import { rebuildProjections } from '../commands/rebuildProjections.js';

const dryRun = process.argv.includes('--dry-run');
const db = await connectDatabase(loadConfig());
try {
  const r = await rebuildProjections({ write: !dryRun });
  console.log(
    `checked ${r.checked} complaints; ${r.differing.length} differed${dryRun ? ' (dry run, nothing written)' : `, ${r.written} rewritten`}`,
  );
  for (const d of r.differing.slice(0, 100)) console.log(`  ${d.number ?? d.id}: ${d.paths.join(', ')}`);
  console.log(
    `list entries: ${r.entriesDiffering} differed; counts: ${r.countsDiffering} audiences differed; merchant registry rows: ${r.merchantRowsDiffering} differed${dryRun ? '' : ' (repaired)'}`,
  );
  for (const { scope, d } of r.scopesDiffering.slice(0, 100)) console.log(`  ${scope}: ${JSON.stringify(d)}`);
  if (r.withoutEvents.length)
    console.log(`  ${r.withoutEvents.length} complaint documents have no events: ${r.withoutEvents.slice(0, 20).join(', ')}`);
} finally {
  await db.close();
}
