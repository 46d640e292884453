// Run by serverProcess.ts (not by mocha): seeds the foundation demo world into the embedded database
// of DATA_DIR before a server process starts there, which is quicker than the full demo seed.
import { loadConfig } from '../../server/config.js';
import { connectDatabase } from '../../server/db/connection.js';
import { seedFoundation } from '../../server/seed/demo.js';

const config = loadConfig();
const db = await connectDatabase(config);
try {
  await seedFoundation(config);
} finally {
  await db.close();
}
