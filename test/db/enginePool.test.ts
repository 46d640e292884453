import { expect } from 'chai';
import mongoose from 'mongoose';
import { resetDb } from '../helpers/database.js';

// FerretDB v1 over PostgreSQL holds connections of its pool for an update that found its document:
// 75 or more updates at once never returned and left the engine answering nothing (a burst of
// filings at 200k complaints synced flags' rows beside each other so). The driver's pool on the
// embedded engine (server/db/connection.ts driverOptions) keeps the commands in flight under that.
describe('many concurrent updates on the embedded engine', () => {
  it('all return, and every document is updated once', async () => {
    await resetDb();
    const probe = mongoose.connection.collection<{ _id: string; v: number }>('poolprobe');
    const ids = Array.from({ length: 120 }, (_, i) => `d${i}`);
    await probe.insertMany(ids.map((_id) => ({ _id, v: 0 })));
    // Each names the version it read, as the list rows' writers do (two-field filters, as flag rows).
    const results = await Promise.all(ids.map((_id) => probe.updateOne({ _id, v: 0 }, { $set: { v: 1 } })));
    expect(results.map((r) => r.modifiedCount)).to.deep.equal(ids.map(() => 1));
    expect(await probe.countDocuments({ v: 1 })).to.equal(ids.length);
    // The engine still answers afterwards.
    expect(await probe.countDocuments({ v: 0 })).to.equal(0);
  });
});
