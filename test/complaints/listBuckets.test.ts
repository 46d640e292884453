import { expect } from 'chai';
import { bucketsOf, byHours, byTenDays, hourOf, hourOfKey, listBuckets, tenDaysOf } from '../../server/complaints/listBuckets.js';

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

  it('read a day of at least 24 holding more than twice what the page still lacks by its Shanghai hours, from the cursor hour on', () => {
    // Shanghai is UTC+8: 15:59 UTC is 23:59 that day, 16:00 UTC the next day's hour 00.
    expect([hourOf('2026-11-27T15:59:59.999Z'), hourOf('2026-11-27T16:00:00Z')]).to.deep.equal(['2026-11-27T23', '2026-11-28T00']);
    expect(hourOfKey(`${String(Date.parse('2026-11-27T01:30:00Z')).padStart(15, '0')}|abc`)).to.equal('2026-11-27T09');
    const days = [
      { field: 'td' as const, value: '2026-11-28', n: 80 },
      { field: 'td' as const, value: '2026-11-27', n: 30 },
    ];
    const hours = byHours(days, 21);
    // The 28th's hours newest first; the 27th is reached with nothing lacking by the counts, so stays one read.
    expect(hours.map((b) => b.value)).to.deep.equal([
      ...Array.from({ length: 24 }, (_, h) => `2026-11-28T${String(23 - h).padStart(2, '0')}`),
      '2026-11-27',
    ]);
    expect(hours[0]).to.deep.equal({ field: 'th', value: '2026-11-28T23', n: 80 / 24 });
    // A next page whose cursor is at 09 on the 28th: its hours from 09 down (the cursor's own hour holds the rest of it).
    expect(byHours(days, 21, '2026-11-28T09').map((b) => b.value)[0]).to.equal('2026-11-28T09');
    // By due time, soonest first; a day under 24, or at most twice what the page lacks, is read whole.
    expect(byHours([{ field: 'dd', value: '2026-12-09', n: 30 }], 8, '2026-12-09T20').map((b) => `${b.field}:${b.value}`)).to.deep.equal([
      'dh:2026-12-09T20',
      'dh:2026-12-09T21',
      'dh:2026-12-09T22',
      'dh:2026-12-09T23',
    ]);
    expect(byHours([{ field: 'td', value: '2026-11-26', n: 20 }], 1)).to.deep.equal([{ field: 'td', value: '2026-11-26', n: 20 }]);
    expect(byHours([{ field: 'td', value: '2026-11-26', n: 30 }], 15)).to.deep.equal([{ field: 'td', value: '2026-11-26', n: 30 }]);
  });
});
