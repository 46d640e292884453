// `npm run seed`: seeds the demo data into an empty database (embedded or MONGODB_URI);
// `npm run seed -- --complaints N` then adds N synthetic complaints (see bulk.ts).
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connection.js';
import { seedIfEmpty } from './demo.js';
import { seedBulk } from './bulk.js';
import { withDirectWrites } from '../db/directWrites.js';
import { wireCapabilities } from '../capabilities.js';
import { migrateFigureScopes } from '../analytics/migrateScopes.js';

const USAGE = 'usage: npm run seed [-- --complaints N]';
const args = process.argv.slice(2);
const at = args.indexOf('--complaints');
const count = at >= 0 ? Number(args[at + 1]) : 0;
if ((at >= 0 && !(Number.isInteger(count) && count > 0)) || args.some((a, i) => a !== '--complaints' && i !== at + 1)) {
  console.error(USAGE);
  process.exit(2);
}

wireCapabilities();
const config = loadConfig();
let db;
try {
  db = await connectDatabase(config);
} catch (e) {
  // A running Fangxin holds the embedded database: two writers would corrupt it.
  console.error(`cannot seed: ${(e as Error).message}${/in use by another Fangxin/.test((e as Error).message) ? ' (stop it first)' : ''}`);
  process.exit(1);
}
try {
  await withDirectWrites(db.postgresUrl, async () => {
    const seeded = await seedIfEmpty(config);
    console.log(seeded ? 'demo data seeded' : 'the database already has data; demo data not seeded');
    if (count) {
      // A database written by older code first gets the figure scopes the load adds to (migrateScopes.ts).
      await migrateFigureScopes();
      const started = Date.now();
      let shown = 0;
      const added = await seedBulk(count, {
        onProgress(done) {
          if (done - shown < 10_000 && done < count) return;
          shown = done;
          const s = (Date.now() - started) / 1000;
          process.stdout.write(
            `\r  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} complaints, ${Math.round(done / s).toLocaleString('en')}/s   `,
          );
        },
      });
      const s = (Date.now() - started) / 1000;
      console.log(
        `\n${added.toLocaleString('en')} complaints added in ${s.toFixed(1)} s (${Math.round(added / s).toLocaleString('en')}/s, rollups included)`,
      );
    }
  });
} finally {
  await db.close();
}
