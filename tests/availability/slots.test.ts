import { describe, expect, it } from 'vitest';
import { eachDate, weekdayOf } from '../../main/availability/wall-clock';
import { expandRules, freeSlotsOfDay, isWithinAvailability, slotCount } from '../../main/availability/slots';

describe('wall-clock dates', () => {
  it('walks every date of a range, including across month, year and DST changes', () => {
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    // Europe and the US change clocks on these days; the calendar does not care.
    expect(eachDate('2026-03-07', '2026-03-09')).toHaveLength(3);
    expect(eachDate('2026-03-28', '2026-03-30')).toHaveLength(3);
    expect(eachDate('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('knows the ISO weekday whatever the PC zone is', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});

describe('weekly pattern', () => {
  const rules = [
    { weekday: 1, startTime: '09:00:00', endTime: '13:00:00', slotMinutes: 15 },
    { weekday: 1, startTime: '16:00:00', endTime: '19:00:00', slotMinutes: 15 },
    { weekday: 3, startTime: '09:00:00', endTime: '10:00:00', slotMinutes: 20 },
  ];

  it('expands to windows on the matching weekdays only', () => {
    const windows = expandRules(rules, '2026-11-23', '2026-11-29');
    expect(windows.map((w) => `${w.date} ${w.startTime}`)).toEqual(['2026-11-23 09:00:00', '2026-11-23 16:00:00', '2026-11-25 09:00:00']);
  });

  it('gives the same slots on DST-change days as on any other day', () => {
    // 2026-03-08 (US) and 2026-03-29 (EU) are Sundays; use a Sunday rule on those weeks.
    const sunday = [{ weekday: 7, startTime: '01:00:00', endTime: '04:00:00', slotMinutes: 15 }];
    for (const [from, to] of [
      ['2026-03-08', '2026-03-08'],
      ['2026-03-29', '2026-03-29'],
      ['2026-10-25', '2026-10-25'],
      ['2026-03-15', '2026-03-15'],
    ] as const) {
      const [w] = expandRules(sunday, from, to);
      expect(slotCount(w!)).toBe(12);
      expect(freeSlotsOfDay([w!], [], [])).toHaveLength(12);
    }
  });

  it('counts whole slots only', () => {
    expect(slotCount({ startTime: '09:00:00', endTime: '10:00:00', slotMinutes: 20 })).toBe(3);
    expect(slotCount({ startTime: '09:00:00', endTime: '10:10:00', slotMinutes: 20 })).toBe(3);
  });
});

describe('free slots of a day', () => {
  const morning = { startTime: '09:00:00', endTime: '10:00:00', slotMinutes: 15 };

  it('cuts windows into slots and leaves out bookings, leave and the past', () => {
    expect(freeSlotsOfDay([morning], [], []).map((s) => s.startTime)).toEqual(['09:00:00', '09:15:00', '09:30:00', '09:45:00']);
    expect(freeSlotsOfDay([morning], [], [{ startTime: '09:10:00', endTime: '09:20:00' }]).map((s) => s.startTime)).toEqual(['09:30:00', '09:45:00']);
    expect(freeSlotsOfDay([morning], [{ startTime: '09:30:00', endTime: '24:00:00' }], []).map((s) => s.startTime)).toEqual(['09:00:00', '09:15:00']);
    expect(freeSlotsOfDay([morning], [], [], 9 * 60 + 20).map((s) => s.startTime)).toEqual(['09:30:00', '09:45:00']);
  });

  it('offers each start time once when windows overlap, and honours a longer duration', () => {
    const extra = { startTime: '09:30:00', endTime: '10:30:00', slotMinutes: 15 };
    expect(freeSlotsOfDay([morning, extra], [], []).map((s) => s.startTime)).toEqual(['09:00:00', '09:15:00', '09:30:00', '09:45:00', '10:00:00', '10:15:00']);
    expect(freeSlotsOfDay([morning], [], [], 0, 30)).toEqual([
      { startTime: '09:00:00', endTime: '09:30:00' },
      { startTime: '09:15:00', endTime: '09:45:00' },
      { startTime: '09:30:00', endTime: '10:00:00' },
    ]);
  });

  it('says whether a booking lies inside open time', () => {
    const afternoon = { startTime: '10:00:00', endTime: '11:00:00' };
    expect(isWithinAvailability({ startTime: '09:45:00', endTime: '10:15:00' }, [morning, afternoon], [])).toBe(true);
    expect(isWithinAvailability({ startTime: '08:45:00', endTime: '09:15:00' }, [morning], [])).toBe(false);
    expect(isWithinAvailability({ startTime: '09:00:00', endTime: '09:15:00' }, [morning], [{ startTime: '09:10:00', endTime: '09:20:00' }])).toBe(false);
  });
});
