import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startFerretDb } from '../../server/db/ferretdb.js';

describe('a data directory from the SQLite engine', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-copy-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is copied to PostgreSQL on first start, collection by collection with progress, indexes included', async () => {
    const old = await startFerretDb({ dataDir: dir, engine: 'sqlite' });
    const conn = await mongoose.createConnection(old.uri).asPromise();
    await conn.collection('people').createIndex({ email: 1 }, { unique: true });
    await conn.collection('people').insertMany(Array.from({ length: 2500 }, (_, i) => ({ email: `p${i}@x.cn`, n: i })));
    await conn.collection('notes').insertOne({ text: '放心', at: new Date('2026-01-02T03:04:05Z') });
    await conn.close();
    await old.stop();

    const lines: string[] = [];
    const db = await startFerretDb({ dataDir: dir, durable: false, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n'))
        .to.match(/fangxin\.people: 1000\/2500/)
        .and.match(/fangxin\.people: 2500 documents/)
        .and.match(/fangxin\.notes: 1 documents/);
      const c = await mongoose.createConnection(db.uri).asPromise();
      expect(await c.collection('people').countDocuments()).to.equal(2500);
      expect((await c.collection('notes').findOne())!.at.toISOString()).to.equal('2026-01-02T03:04:05.000Z');
      const dup = await c
        .collection('people')
        .insertOne({ email: 'p7@x.cn' })
        .catch((e: { code?: number }) => e.code);
      expect(dup, 'the unique index came along').to.equal(11000);
      await c.close();
    } finally {
      await db.stop();
    }
    expect(fs.existsSync(path.join(dir, 'ferretdb', 'sqlite-copied-to-postgres', 'fangxin.sqlite')), 'the SQLite files are kept').to.equal(
      true,
    );
    expect(fs.existsSync(path.join(dir, 'postgres.copying'))).to.equal(false);

    // The second start copies nothing again.
    const again: string[] = [];
    const second = await startFerretDb({ dataDir: dir, durable: false, log: (l) => again.push(l) });
    await second.stop();
    expect(again).to.deep.equal([]);
  });
});
