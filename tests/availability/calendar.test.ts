import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { daysBetween, eachDate, shiftDate, weekdayOf } from '../../main/availability/wall-clock';
import { inMachineZone } from '../support/machine-zone';

// main's calendar arithmetic (the contract's, shared with the renderer) against date-fns on
// local dates, on a machine whose zone is west of UTC with DST: a day read as local midnight
// there is the previous day in UTC, the mistake this would catch.
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
// Every day of two years: a leap day, month and year ends, both DST changes.
const DAYS = Array.from({ length: 731 }, (_, i) => new Date(Date.UTC(2027, 11, 1) + i * 86_400_000).toISOString().slice(0, 10));

describe('wall-clock calendar dates', () => {
  inMachineZone('America/Los_Angeles');

  it('count, shift and name weekdays as date-fns does on local dates, on every day of two years', () => {
    DAYS.forEach((date, i) => {
      const other = DAYS[(i * 389) % DAYS.length]!;
      expect(daysBetween(date, other)).toBe(differenceInCalendarDays(parseISO(other), parseISO(date)));
      for (const days of [-400, -31, -1, 0, 1, 29, 366]) expect(shiftDate(date, days)).toBe(iso(addDays(parseISO(date), days)));
      expect(weekdayOf(date)).toBe(getISODay(parseISO(date)));
    });
  });

  it('list every date of a range once, both ends included, and none for a range that ends before it starts', () => {
    expect(eachDate('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(eachDate('2027-12-31', '2027-12-31')).toEqual(['2027-12-31']);
    expect(eachDate('2028-03-01', '2028-02-29')).toEqual([]);
    expect(eachDate('2028-01-01', '2028-12-31')).toHaveLength(366);
    expect(weekdayOf('2028-01-02')).toBe(7);
  });
});
