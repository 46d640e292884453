import { expect } from 'chai';
import mongoose from 'mongoose';
import { groupCreate, groupInsert } from '../../server/db/groupInsert.js';
import { isDuplicateKey, onlyDuplicateKeys } from '../../server/http/errors.js';
import { IdempotencyKeyModel } from '../../server/models/IdempotencyKey.js';
import { resetDb } from '../helpers/database.js';

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'stored',
    (e: unknown) => (isDuplicateKey(e) ? 'clash' : `error ${String(e)}`),
  );

// Concurrent inserts into one collection go to the engine together (server/db/groupInsert.ts); each
// caller must still get its own documents' outcome under the unique index, as if it had inserted alone.
describe('group commit of inserts', () => {
  beforeEach(resetDb);

  it('decides every race by the unique index, document by document', async () => {
    const userId = new mongoose.Types.ObjectId();
    const row = (key: string) => ({
      userId,
      scope: 'complaint',
      key,
      fingerprint: key,
      resourceId: new mongoose.Types.ObjectId(),
      at: new Date(),
    });
    await groupCreate(IdempotencyKeyModel, [row('taken')]);
    // Twins of each key in one turn (one command), and a key stored before.
    const keys = ['a', 'b', 'a', 'taken', 'c', 'b', 'a'];
    const results = await Promise.all(keys.map((k) => outcome(groupCreate(IdempotencyKeyModel, [row(k)]))));
    expect(results).to.deep.equal(['stored', 'stored', 'clash', 'clash', 'stored', 'clash', 'clash']);
    const stored = await IdempotencyKeyModel.find({ userId }).lean();
    expect(stored.map((r) => r.key).sort()).to.deep.equal(['a', 'b', 'c', 'taken']);
    // What groupCreate stores is what create stores: cast, with the version key.
    const a = stored.find((r) => r.key === 'a')!;
    expect(a.userId).to.be.instanceOf(mongoose.Types.ObjectId);
    expect(a.at).to.be.instanceOf(Date);
    expect((a as { __v?: number }).__v).to.equal(0);
  });

  it('tells a caller of several documents which of its own clashed, and stores the rest', async () => {
    const coll = mongoose.connection.db!.collection('group_insert_test');
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertOne({ k: 2 });
    const first = groupInsert(coll, [{ k: 1 }, { k: 2 }, { k: 3 }]);
    const second = groupInsert(coll, [{ k: 3 }, { k: 4 }]);
    const third = groupInsert(coll, [{ k: 5 }]);
    const errors = await Promise.all(
      [first, second, third].map((p) =>
        p.then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    const indexes = (e: unknown) => (e as { writeErrors: { index: number }[] }).writeErrors.map((w) => w.index);
    expect(onlyDuplicateKeys(errors[0])).to.equal(true);
    expect(indexes(errors[0])).to.deep.equal([1]);
    expect(onlyDuplicateKeys(errors[1])).to.equal(true);
    expect(indexes(errors[1])).to.deep.equal([0]);
    expect(errors[2]).to.equal(null);
    const ks = (await coll.find({}).toArray()).map((d) => d.k as number).sort();
    expect(ks).to.deep.equal([1, 2, 3, 4, 5]);
    await coll.drop();
  });

  it('stores inserts that arrive while a command is out in the next one', async () => {
    const coll = mongoose.connection.db!.collection('group_insert_test');
    await coll.createIndex({ k: 1 }, { unique: true });
    const waves = await Promise.all(
      Array.from({ length: 5 }, async (_, wave) => {
        await new Promise((r) => setTimeout(r, wave));
        return Promise.all(Array.from({ length: 8 }, (_, i) => outcome(groupInsert(coll, [{ k: (wave * 8 + i) % 20 }]))));
      }),
    );
    const all = waves.flat();
    expect(all.filter((o) => o === 'stored')).to.have.length(20);
    expect(all.filter((o) => o === 'clash')).to.have.length(20);
    expect(await coll.countDocuments({})).to.equal(20);
    await coll.drop();
  });
});
