import { expect } from 'chai';
import { addDeltas, readCounts, sealCounts, sealScope, sealScopes, writeSealed, type Tally } from '../../server/counts/ledger.js';
import { withDirectWrites } from '../../server/db/directWrites.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { resetDb, testEmbeddedDb } from '../helpers/database.js';

// The bulk seeder writes its tally as sealed snapshots (server/counts/ledger.ts, writeSealed): through
// the driver on MongoDB, straight into the tables on the embedded engine. Both must leave the same
// snapshots and the same counts as the delta rows the sealer would have folded.
describe('a bulk load written as sealed snapshots', () => {
  const load = (): Tally =>
    new Map<string, Record<string, number>>([
      ['t:a', { x: 2, y: 1 }],
      ['t:b', { x: 5 }],
      ['t:new', { z: 3, w: 0 }],
    ]);

  /** Scope a with an old snapshot and a delta written after it; b with unsealed deltas only. */
  async function before() {
    await resetDb();
    await addDeltas([{ _id: 'a1', scope: 't:a', d: { x: 1 } }]);
    await sealScope('t:a');
    await addDeltas([
      { _id: 'a2', scope: 't:a', d: { x: 10, y: -1 } },
      { _id: 'b1', scope: 't:b', d: { x: 1 } },
    ]);
  }

  const snapshots = async () =>
    (
      await CountSnapshotModel.find({ scope: { $in: ['t:a', 't:b', 't:new'] } }, { at: 0 })
        .sort({ _id: 1 })
        .lean()
    ).map((s) => ({ ...s }));

  const written: Record<string, unknown>[][] = [];
  for (const direct of [false, true]) {
    it(`counts exactly, a new generation per scope, nothing of the load left to seal${direct ? ' (direct writes)' : ''}`, async function () {
      if (direct && !testEmbeddedDb()?.postgresUrl) this.skip();
      await before();
      await withDirectWrites(direct ? testEmbeddedDb()!.postgresUrl : null, () => writeSealed(load()));
      expect(await readCounts('t:a')).to.deep.equal({ x: 13 });
      expect(await readCounts('t:b')).to.deep.equal({ x: 6 });
      expect(await readCounts('t:new')).to.deep.equal({ z: 3 });
      // The load is in the snapshots; the others' deltas stay unsealed until the sealer folds them.
      expect((await CountDeltaModel.find({ sealed: false }, { _id: 1 }).sort({ _id: 1 }).lean()).map((r) => r._id)).to.deep.equal([
        'a2',
        'b1',
      ]);
      const snaps = await snapshots();
      expect(snaps.map((s) => s._id)).to.deep.equal(['t:a#1', 't:a#2', 't:b#1', 't:new#1']);
      written.push(snaps);
      // The sealer folds the rest on top, and the counts do not move.
      await sealCounts();
      expect(await readCounts('t:a')).to.deep.equal({ x: 13 });
      expect(await readCounts('t:b')).to.deep.equal({ x: 6 });
      expect(await CountDeltaModel.countDocuments({ sealed: false })).to.equal(0);
    });
  }

  it('writes the same snapshots either way', function () {
    if (written.length < 2) this.skip();
    expect(written[1]).to.deep.equal(written[0]);
  });

  it('goes on from the latest generation the sealer made', async () => {
    await before();
    await sealScope('t:a');
    await writeSealed(new Map([['t:a', { x: 1 }]]));
    expect(await readCounts('t:a')).to.deep.equal({ x: 12, y: -1 });
    expect((await snapshots()).map((s) => s._id)).to.deep.equal(['t:a#1', 't:a#2', 't:a#3']);
  });
});

describe('sealing many deltas of one scope', () => {
  it('finishes and counts exactly (one update command per delta would outgrow FerretDB’s pool)', async () => {
    await resetDb();
    await addDeltas(Array.from({ length: 300 }, (_, i) => ({ _id: `m${i}`, scope: 't:many', d: { x: 1 } })));
    expect(await sealScope('t:many')).to.equal(300);
    expect(await readCounts('t:many')).to.deep.equal({ x: 300 });
    expect(await CountDeltaModel.countDocuments({ scope: 't:many', sealed: false })).to.equal(0);
  });
});

describe('sealing many scopes a few at a time (the start-up migrations)', () => {
  it('folds every delta of every scope', async () => {
    await resetDb();
    await addDeltas(Array.from({ length: 240 }, (_, i) => ({ _id: `s${i}`, scope: `t:s${i % 60}`, d: { x: 1 } })));
    await sealScopes(Array.from({ length: 60 }, (_, i) => `t:s${i}`));
    expect(await CountDeltaModel.countDocuments({ sealed: false })).to.equal(0);
    for (const i of [0, 29, 59]) expect(await readCounts(`t:s${i}`)).to.deep.equal({ x: 4 });
  });
});

// sealCounts and sealScopes seal many scopes together (ledger.ts, sealTogether): one read of their
// snapshots, one of their deltas, the new generations in unordered inserts. Deltas written meanwhile,
// and a second sealer racing for the same generations, must leave every scope counted exactly once.
describe('sealing many scopes together while others write and seal', () => {
  it('loses no delta written meanwhile and counts none twice', async function () {
    this.timeout(300_000);
    await resetDb();
    const scopes = Array.from({ length: 200 }, (_, i) => `t:w${i}`);
    const want = new Map<string, number>();
    let written = 0;
    const write = async (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        _id: `w${written + i}`,
        scope: scopes[(written + i) % scopes.length]!,
        d: { x: 1 },
      }));
      written += n;
      for (const r of rows) want.set(r.scope, (want.get(r.scope) ?? 0) + 1);
      await addDeltas(rows);
    };
    await write(scopes.length * 2);
    for (let round = 0; round < 3; round++) {
      let sealing = true;
      const sealers = Promise.all([sealCounts(), sealScopes(scopes)]).finally(() => (sealing = false));
      do await write(7);
      while (sealing);
      await sealers;
    }
    await sealCounts();
    expect(await CountDeltaModel.countDocuments({ sealed: false })).to.equal(0);
    const counts = await Promise.all(scopes.map(readCounts));
    expect(Object.fromEntries(scopes.map((s, i) => [s, counts[i]]))).to.deep.equal(
      Object.fromEntries(scopes.map((s) => [s, { x: want.get(s) }])),
    );
  });
});

// A minute's few scopes in a ledger of many snapshots are sealed one by one by their keys (ledger.ts
// sealMany): the read of their snapshots together would read every snapshot on FerretDB.
describe('sealing a few scopes of a large ledger', () => {
  it('folds them one by one, exactly', async function () {
    this.timeout(300_000);
    await resetDb();
    await addDeltas(Array.from({ length: 120 }, (_, i) => ({ _id: `l${i}`, scope: `t:l${i}`, d: { x: 1 } })));
    await sealCounts();
    await addDeltas([
      { _id: 'l-more', scope: 't:l0', d: { x: 2 } },
      { _id: 'l-new', scope: 't:lnew', d: { y: 1 } },
    ]);
    expect(await sealCounts()).to.deep.equal({ scopes: 2, sealed: 2 });
    expect(await CountDeltaModel.countDocuments({ sealed: false })).to.equal(0);
    expect(await readCounts('t:l0')).to.deep.equal({ x: 3 });
    expect(await readCounts('t:lnew')).to.deep.equal({ y: 1 });
  });
});
