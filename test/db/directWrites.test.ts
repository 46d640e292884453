import { expect } from 'chai';
import mongoose from 'mongoose';
import { insertFresh, withDirectWrites } from '../../server/db/directWrites.js';
import { testEmbeddedDb } from '../helpers/database.js';

// Every kind of value the seeders store, and the edges of the driver's number typing.
const doc = (i: number) => ({
  _id: new mongoose.Types.ObjectId(),
  n: i,
  big: 2 ** 40 + i,
  neg: -(2 ** 31),
  frac: i + 0.25,
  long: 5n,
  s: `引号 "quoted" \\ ${i}\n`,
  yes: true,
  at: new Date(1_790_000_000_123 + i),
  ref: new mongoose.Types.ObjectId(),
  none: null,
  gone: undefined,
  nested: { a: { b: [1, 'two', { c: 3.5 }, undefined, null] }, empty: {}, list: [] },
  ids: [new mongoose.Types.ObjectId()],
});

describe('direct writes into the embedded engine (seeders)', () => {
  before(function () {
    if (!testEmbeddedDb()?.postgresUrl) this.skip();
  });

  for (const ignoreUndefined of [false, true]) {
    it(`reads back exactly what the driver's insertMany stores (ignoreUndefined ${ignoreUndefined})`, async () => {
      const db = mongoose.connection.db!;
      const viaDriver = db.collection(`sjson_driver_${ignoreUndefined}`);
      const direct = db.collection(`sjson_direct_${ignoreUndefined}`);
      // FerretDB creates a collection's table on its first insert; direct writes need it to exist.
      await direct.insertOne({ _id: 'first' } as never);
      const docs = Array.from({ length: 5 }, (_, i) => doc(i));
      await viaDriver.insertMany(docs, { ignoreUndefined });
      expect(await withDirectWrites(testEmbeddedDb()!.postgresUrl, () => insertFresh(direct, docs, { ignoreUndefined }))).to.equal(
        'direct',
      );
      const a = await viaDriver.find({}).sort({ _id: 1 }).toArray();
      const b = await direct
        .find({ _id: { $ne: 'first' as never } })
        .sort({ _id: 1 })
        .toArray();
      expect(b).to.have.length(5);
      expect(b).to.deep.equal(a);
      // Field order too, which FerretDB keeps in its schema.
      expect(b.map((x) => Object.keys(x))).to.deep.equal(a.map((x) => Object.keys(x)));
      // And the engine finds them by their fields (the filters read the stored JSON).
      expect(await direct.countDocuments({ n: 3 })).to.equal(1);
      expect(await direct.countDocuments({ at: docs[2]!.at })).to.equal(1);
    });
  }

  it('falls back to the driver for a collection FerretDB has not created yet', async () => {
    const fresh = mongoose.connection.db!.collection('sjson_not_yet');
    expect(await withDirectWrites(testEmbeddedDb()!.postgresUrl, () => insertFresh(fresh, [doc(1), doc(2)]))).to.equal('driver');
    expect(await fresh.countDocuments()).to.equal(2);
  });
});
