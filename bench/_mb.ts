import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { startFerretDb } from '../server/db/ferretdb.js';

const dir = '/tmp/filings-mb/data';
fs.rmSync(dir, { recursive: true, force: true });
const db = await startFerretDb({ dataDir: dir, durable: true });
const client = await MongoClient.connect(db.uri);
const c = client.db().collection('mb');
await c.createIndex({ k: 1 }, { unique: true });
const doc = () => ({ k: Math.random().toString(36), payload: 'x'.repeat(1500), n: 1, nested: { a: 1, b: 'abc' } });
async function conc(n: number, op: () => Promise<unknown>, total: number) {
  let next = 0; const t = performance.now();
  await Promise.all(Array.from({ length: n }, async () => { while (next++ < total) await op(); }));
  return total / ((performance.now() - t) / 1000);
}
for (let round = 0; round < 3; round++) {
  const one = await conc(10, () => c.insertOne(doc()), 300);
  const many10 = await conc(2, () => c.insertMany(Array.from({ length: 10 }, doc), { ordered: false }), 30) * 10;
  const many5 = await conc(2, () => c.insertMany(Array.from({ length: 5 }, doc), { ordered: false }), 60) * 5;
  const find = await conc(10, () => c.findOne({ k: 'zz' }), 300);
  console.log(`round ${round}: insertOne c10 ${one.toFixed(0)} docs/s; insertMany(10) c2 ${many10.toFixed(0)} docs/s; insertMany(5) c2 ${many5.toFixed(0)} docs/s; findOne c10 ${find.toFixed(0)}/s`);
}
// duplicate in an unordered batch
await c.insertOne({ k: 'dup' });
try { await c.insertMany([{ k: 'a1' }, { k: 'dup' }, { k: 'a2' }], { ordered: false }); } catch (e: any) { console.log('dup err', e.code, JSON.stringify(e.writeErrors?.map((w: any) => [w.index, w.code])), e.result?.insertedCount ?? e.insertedCount); }
console.log('a1,a2 present', await c.countDocuments({ k: { $in: ['a1', 'a2'] } }));
await client.close();
await db.stop();
fs.rmSync(dir, { recursive: true, force: true });
