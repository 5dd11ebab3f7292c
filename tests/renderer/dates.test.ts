import { TZDate } from '@date-fns/tz';
import { addDays, differenceInYears, format, parseISO, startOfISOWeek } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  clinicDateTime,
  longDay,
  minutesNowIn,
  shiftDate,
  shortDay,
  todayIn,
  toMinutes,
  weekOf,
  withWeekday,
  yearsOld,
} from '../../renderer/lib/dates';
import { inMachineZone } from '../support/machine-zone';

// renderer/lib/dates reads and writes dates with Intl; date-fns (what main uses) is the oracle.
const ZONES = ['Asia/Kolkata', 'Europe/London', 'America/New_York', 'Pacific/Chatham', 'Pacific/Kiritimati', 'America/St_Johns', 'UTC'];
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
// Every day of two years (leap day, month and year ends, both DST changes), by UTC noon.
const DAYS = Array.from({ length: 731 }, (_, i) => new Date(Date.UTC(2027, 11, 1) + i * 86_400_000).toISOString().slice(0, 10));
// Instants either side of midnight and of DST changes in the zones above, and every 7 h 13 min of a year.
const INSTANTS = [
  Date.UTC(2027, 2, 14, 6, 59),
  Date.UTC(2027, 2, 14, 7, 0),
  Date.UTC(2027, 9, 31, 0, 59),
  Date.UTC(2027, 9, 31, 1, 0),
  Date.UTC(2027, 11, 31, 23, 59),
  Date.UTC(2028, 0, 1, 0, 0),
  ...Array.from({ length: 1213 }, (_, i) => Date.UTC(2028, 0, 1) + i * 433 * 60_000),
];

describe('renderer dates', () => {
  // A machine zone with a half-hour offset and DST, unlike any clinic's zone below it: the results must not depend on it.
  inMachineZone('America/St_Johns');

  it('word dates as date-fns does, on every day of two years', () => {
    for (const date of DAYS) {
      expect(shortDay(date)).toBe(format(parseISO(date), 'EEE d MMM'));
      expect(longDay(date)).toBe(format(parseISO(date), 'EEEE, d MMMM yyyy'));
      expect(withWeekday(date)).toBe(`${format(parseISO(date), 'EEE')} ${date}`);
      expect(calendarDay(date)).toBe(format(parseISO(date), 'd MMM yyyy'));
    }
    expect(longDay('2028-02-29')).toBe('Tuesday, 29 February 2028');
    expect(shortDay('2027-09-01')).toBe('Wed 1 Sep');
  });

  it('count whole years of age as date-fns does, birthdays on leap days included', () => {
    for (const birth of ['1988-04-12', '2000-02-29', '2027-12-31', '2028-01-01']) {
      for (const today of DAYS)
        if (today >= birth) expect(yearsOld(birth, today), `${birth} on ${today}`).toBe(differenceInYears(parseISO(today), parseISO(birth)));
    }
    expect(yearsOld('2000-02-29', '2029-02-28')).toBe(28);
    expect(yearsOld('2000-02-29', '2029-03-01')).toBe(29);
  });

  it('shift days and find weeks across month, year, leap-day and DST boundaries', () => {
    for (const date of DAYS) {
      for (const days of [-400, -31, -7, -1, 0, 1, 7, 31, 366]) expect(shiftDate(date, days)).toBe(iso(addDays(parseISO(date), days)));
      expect(weekOf(date)).toEqual(Array.from({ length: 7 }, (_, i) => iso(addDays(startOfISOWeek(parseISO(date)), i))));
    }
  });

  it("read the clinic's wall clock in its own zone, whatever this machine's zone", () => {
    for (const timeZone of ZONES) {
      for (const now of INSTANTS) {
        const local = new TZDate(now, timeZone);
        expect(todayIn(timeZone, now)).toBe(format(local, 'yyyy-MM-dd'));
        expect(minutesNowIn(timeZone, now)).toBe(local.getHours() * 60 + local.getMinutes());
        expect(clinicDateTime(new Date(now).toISOString(), timeZone)).toBe(format(local, 'yyyy-MM-dd HH:mm'));
      }
    }
    expect(clinicDateTime('2027-12-31T18:30:00.000Z', 'Asia/Kolkata')).toBe('2028-01-01 00:00');
  });

  it('reads a time of day as minutes, with or without seconds, hours with or without a leading zero', () => {
    for (let minute = 0; minute < 24 * 60; minute++) {
      const [h, m] = [Math.floor(minute / 60), minute % 60];
      const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      expect([toMinutes(hhmm), toMinutes(`${hhmm}:59`), toMinutes(`${h}:${String(m).padStart(2, '0')}`)]).toEqual([minute, minute, minute]);
    }
    // PostgreSQL's time type holds the end of a day as 24:00:00.
    expect(toMinutes('24:00:00')).toBe(24 * 60);
  });
});
