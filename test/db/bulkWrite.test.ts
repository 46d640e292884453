import { expect } from 'chai';
import { Types } from 'mongoose';
import { bulkWriteInChunks, WRITES_PER_COMMAND } from '../../server/db/bulkWrite.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { resetDb } from '../helpers/database.js';

// FerretDB v1 over PostgreSQL holds a pool connection per matched statement of one update command
// until the command ends: a single command of more statements than its pool (50) never returned.
// The credit job and the sampling plan write hundreds of upserts this way.
describe('bulk writes of more statements than the engine’s pool', () => {
  it('upserts, then replaces, every document', async () => {
    await resetDb();
    const ids = Array.from({ length: 12 * WRITES_PER_COMMAND }, () => new Types.ObjectId());
    const write = (tier: 'A' | 'D') =>
      bulkWriteInChunks(
        MerchantCreditModel,
        ids.map((_id) => ({ replaceOne: { filter: { _id }, replacement: { _id, tier, figures: {}, at: new Date() }, upsert: true } })),
      );
    await write('A');
    expect(await MerchantCreditModel.countDocuments({ tier: 'A' })).to.equal(ids.length);
    await write('D');
    expect(await MerchantCreditModel.countDocuments({ tier: 'D' })).to.equal(ids.length);
    expect(await MerchantCreditModel.countDocuments({ tier: 'A' })).to.equal(0);
  });
});
