import { expect } from 'chai';
import { listBuckets } from '../../server/complaints/listBuckets.js';

// Due-time counts of one list state, as the ledger holds them: a first month of 85 spread over days.
const counts = {
  'dm:2026-07|g:open': 85,
  'dd:2026-07-01|g:open': 2,
  'dd:2026-07-07|g:open': 3,
  'dd:2026-07-15|g:open': 80,
  'dm:2026-08|g:open': 30,
  'dd:2026-08-01|g:open': 30,
};

describe('list buckets', () => {
  it('read a month whole when the page needs most of it or nothing is said about the page', () => {
    expect(listBuckets(counts, 'd', 'g:open').map((b) => b.value)).to.deep.equal(['2026-07', '2026-08']);
    expect(listBuckets(counts, 'd', 'g:open', undefined, 50).map((b) => b.value)).to.deep.equal(['2026-07', '2026-08']);
  });

  it('read the days of a month holding more than twice what the page still lacks', () => {
    // 21 rows wanted: July (85) by day; August is reached with nothing lacking, so it stays whole.
    expect(listBuckets(counts, 'd', 'g:open', undefined, 21).map((b) => b.value)).to.deep.equal([
      '2026-07-01',
      '2026-07-07',
      '2026-07-15',
      '2026-08',
    ]);
  });
});
