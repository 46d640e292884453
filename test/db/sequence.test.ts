import { expect } from 'chai';
import { forgetSequences, takeNumbers } from '../../server/db/sequence.js';
import { sharedRead } from '../../server/db/sharedRead.js';
import { SequenceBlockModel } from '../../server/models/SequenceBlock.js';
import { resetDb } from '../helpers/database.js';

// Concurrent takers of one sequence share a block (server/db/sequence.ts); a stamp read is shared only
// by callers it left after (server/db/sharedRead.ts).
describe('sequence blocks and shared reads', () => {
  beforeEach(resetDb);

  it('gives concurrent takers disjoint consecutive numbers from one block insert', async () => {
    await takeNumbers('t', 1);
    const sizes = Array.from({ length: 12 }, (_, i) => 1 + (i % 3));
    const firsts = await Promise.all(sizes.map((n) => takeNumbers('t', n)));
    const taken = firsts.flatMap((f, i) => Array.from({ length: sizes[i]! }, (_, k) => f + k)).sort((a, b) => a - b);
    expect(taken).to.deep.equal(Array.from({ length: taken.length }, (_, i) => i + 1));
    expect(await SequenceBlockModel.countDocuments({ _id: /^t:/ })).to.equal(2);
  });

  it('still decides a race with another process by the unique block insert', async () => {
    await takeNumbers('t', 5);
    // Another process took a block this one does not know of; this one then forgets its own tip too.
    await SequenceBlockModel.create({ _id: 't:1', start: 5, size: 3 });
    const [a, b] = await Promise.all([takeNumbers('t', 2), takeNumbers('t', 2)]);
    expect([a, b]).to.deep.equal([8, 10]);
    forgetSequences();
    expect(await takeNumbers('t', 1)).to.equal(12);
  });

  it('answers a caller with a read that left after its call, shared by those of the same turn', async () => {
    let value = 0;
    let reads = 0;
    const read = sharedRead(async () => {
      reads++;
      const v = value;
      await new Promise((r) => setTimeout(r, 50));
      return v;
    });
    const first = [read(), read()];
    await new Promise((r) => setTimeout(r, 10));
    // Changed while the first read is out: a caller now must not get that read's answer.
    value = 1;
    const later = [read(), read()];
    expect(await Promise.all(first)).to.deep.equal([0, 0]);
    expect(await Promise.all(later)).to.deep.equal([1, 1]);
    expect(reads).to.equal(2);
  });
});
