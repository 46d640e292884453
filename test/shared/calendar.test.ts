import { expect } from 'chai';
import { addWorkingDays, addCalendarDays, isoWeek, shanghaiDay, workingDaysBetween, isWorkingDay } from '../../shared/calendar.js';

describe('working-day calendar (Asia/Shanghai, chinese-days)', () => {
  it('uses the Shanghai calendar day, not UTC', () => {
    expect(shanghaiDay(new Date('2026-11-22T16:30:00Z'))).to.equal('2026-11-23');
    expect(shanghaiDay(new Date('2026-11-22T15:59:59Z'))).to.equal('2026-11-22');
  });

  it('skips weekends', () => {
    // Friday 2026-11-20 + 1 working day = end of Monday 2026-11-23 in Shanghai.
    expect(addWorkingDays(new Date('2026-11-20T02:00:00Z'), 1).toISOString()).to.equal('2026-11-23T16:00:00.000Z');
    expect(addWorkingDays(new Date('2026-11-20T02:00:00Z'), 10).toISOString()).to.equal('2026-12-04T16:00:00.000Z');
  });

  it('skips the National Day holiday and counts its make-up Saturday as a working day', () => {
    expect(isWorkingDay('2025-10-01')).to.equal(false);
    expect(isWorkingDay('2025-10-08')).to.equal(false);
    expect(isWorkingDay('2025-09-28')).to.equal(true); // a Sunday worked in lieu
    // From Tuesday 2025-09-30, the next working day is Thursday 2025-10-09.
    expect(shanghaiDay(new Date(addWorkingDays(new Date('2025-09-30T04:00:00Z'), 1).getTime() - 1))).to.equal('2025-10-09');
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(new Date('2026-11-20T02:00:00Z'), new Date('2026-11-27T02:00:00Z'))).to.equal(5);
    expect(workingDaysBetween(new Date('2026-11-27T02:00:00Z'), new Date('2026-11-20T02:00:00Z'))).to.equal(0);
  });

  it('adds calendar days and names ISO weeks', () => {
    expect(addCalendarDays(new Date('2026-11-22T02:00:00Z'), 7).toISOString()).to.equal('2026-11-29T16:00:00.000Z');
    expect(isoWeek(new Date('2026-01-01T02:00:00Z'))).to.equal('2026-W01');
    expect(isoWeek(new Date('2026-11-22T02:00:00Z'))).to.equal('2026-W47');
    expect(isoWeek(new Date('2027-01-01T02:00:00Z'))).to.equal('2026-W53');
  });
});
