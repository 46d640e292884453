import { expect } from 'chai';
import { bucketsOf, byTenDays, listBuckets, tenDaysOf } from '../../server/complaints/listBuckets.js';

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

  it('read a third of a month whole where its days hold at most twice what the page still lacks', () => {
    expect(['2026-11-01', '2026-11-10', '2026-11-11', '2026-11-20', '2026-11-21', '2026-11-31'].map(tenDaysOf)).to.deep.equal([
      '2026-11/1',
      '2026-11/1',
      '2026-11/2',
      '2026-11/2',
      '2026-11/3',
      '2026-11/3',
    ]);
    // A consumer's November of 45 filings, newest first.
    const filed = {
      'tm:2026-11|*': 45,
      'td:2026-11-30|*': 4,
      'td:2026-11-27|*': 3,
      'td:2026-11-22|*': 5,
      'td:2026-11-19|*': 1,
      'td:2026-11-14|*': 10,
      'td:2026-11-12|*': 2,
      'td:2026-11-03|*': 20,
    };
    const read = (need: number) =>
      byTenDays(listBuckets(filed, 't', '*', undefined, need), need).map((b) => `${b.field}:${b.value}:${b.n}`);
    // A page lacking 10: the last third (12 ≤ 20) in one read, then nothing lacks by the counts; the
    // first third has one day only.
    expect(read(10)).to.deep.equal(['tx:2026-11/3:12', 'tx:2026-11/2:13', 'td:2026-11-03:20']);
    // Lacking 4: the last third (12 > 8) by its days.
    expect(read(4)).to.deep.equal(['td:2026-11-30:4', 'td:2026-11-27:3', 'td:2026-11-22:5', 'tx:2026-11/2:13', 'td:2026-11-03:20']);
  });

  it('put a filing in the third of its Shanghai day, and count a third from the day of the cursor on', () => {
    const third = (at: string) => tenDaysOf(bucketsOf(at).day);
    // Shanghai midnight is 16:00 UTC the day before: the 10th/11th, the 20th/21st, the 31st and the 1st of the next month.
    expect(
      ['2026-11-10T15:59:59.999Z', '2026-11-10T16:00:00Z', '2026-11-20T16:00:00Z', '2026-01-31T12:00:00Z', '2026-01-31T16:00:00Z'].map(
        third,
      ),
    ).to.deep.equal(['2026-11/1', '2026-11/2', '2026-11/3', '2026-01/3', '2026-02/1']);
    const filed = {
      'tm:2026-11|*': 45,
      'td:2026-11-30|*': 4,
      'td:2026-11-27|*': 3,
      'td:2026-11-22|*': 5,
      'td:2026-11-14|*': 10,
      'td:2026-11-12|*': 3,
    };
    // A next page whose cursor is on the 27th: the last third counts the 27th and the 22nd (the read's
    // cursor condition leaves out the 30th), the second is reached with nothing lacking.
    expect(byTenDays(listBuckets(filed, 't', '*', '2026-11-27', 8), 8).map((b) => `${b.field}:${b.value}:${b.n}`)).to.deep.equal([
      'tx:2026-11/3:8',
      'tx:2026-11/2:13',
    ]);
  });
});
