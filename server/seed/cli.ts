// `npm run seed`: seeds the demo data into an empty database (embedded or MONGODB_URI).
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connection.js';
import { seedIfEmpty } from './demo.js';
import './all.js';

const config = loadConfig();
const db = await connectDatabase(config);
try {
  const seeded = await seedIfEmpty(config);
  console.log(seeded ? 'demo data seeded' : 'the database already has data; nothing seeded');
} finally {
  await db.close();
}
