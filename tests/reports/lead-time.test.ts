import { describe, expect, it } from 'vitest';
import { leadTimeOf } from '../../main/reports/lead-time';

const buckets = (...counts: [number, number, number, number, number]) =>
  ['same day', '1–2 days', '3–7 days', '8–30 days', 'over 30 days'].map((label, i) => ({ label, count: counts[i] }));

describe('lead time from its histogram (the figures PostgreSQL’s round(avg, 1) and percentile_cont(0.5) give)', () => {
  it('an odd count: the middle appointment, the average to one decimal', () => {
    // 0, 0, 5, 10, 43: sum 58 over 5.
    expect(
      leadTimeOf([
        { days: 43, count: 1 },
        { days: 0, count: 2 },
        { days: 10, count: 1 },
        { days: 5, count: 1 },
      ]),
    ).toEqual({
      appointments: 5,
      averageDays: '11.6',
      medianDays: 5,
      buckets: buckets(2, 0, 1, 1, 1),
    });
  });

  it('an even count: halfway between the two middle appointments, even across a gap in the days', () => {
    // 1, 2, 8, 31: middle 2 and 8.
    const r = leadTimeOf([
      { days: 1, count: 1 },
      { days: 2, count: 1 },
      { days: 8, count: 1 },
      { days: 31, count: 1 },
    ]);
    expect(r.medianDays).toBe(5);
    expect(r.averageDays).toBe('10.5');
    expect(r.buckets).toEqual(buckets(0, 2, 0, 1, 1));
    // 3, 4: 3.5.
    expect(
      leadTimeOf([
        { days: 3, count: 1 },
        { days: 4, count: 1 },
      ]).medianDays,
    ).toBe(3.5);
  });

  it('a half in the second decimal rounds up, as numeric rounding does', () => {
    // 0, 0, 0, 1: 0.25 → 0.3; 0, 0, 0, 0, 0, 0, 0, 3: 0.375 → 0.4; 7 × 1: exactly 1.0.
    expect(
      leadTimeOf([
        { days: 0, count: 3 },
        { days: 1, count: 1 },
      ]).averageDays,
    ).toBe('0.3');
    expect(
      leadTimeOf([
        { days: 0, count: 7 },
        { days: 3, count: 1 },
      ]).averageDays,
    ).toBe('0.4');
    expect(leadTimeOf([{ days: 1, count: 7 }]).averageDays).toBe('1.0');
    // 2, 2, 3: 7/3 = 2.333… → 2.3.
    expect(
      leadTimeOf([
        { days: 2, count: 2 },
        { days: 3, count: 1 },
      ]).averageDays,
    ).toBe('2.3');
  });

  it('many appointments on a few days: the median is found by counting, not by listing them', () => {
    // 600,000 same-day and 400,001 booked 30 days ahead: the middle one (500,000th) is same-day.
    const r = leadTimeOf([
      { days: 30, count: 400_001 },
      { days: 0, count: 600_000 },
    ]);
    expect(r.appointments).toBe(1_000_001);
    expect(r.medianDays).toBe(0);
    expect(r.averageDays).toBe('12.0');
    expect(r.buckets).toEqual(buckets(600_000, 0, 0, 400_001, 0));
  });

  it('no appointments: no average and no median, every bucket empty', () => {
    expect(leadTimeOf([])).toEqual({ appointments: 0, averageDays: null, medianDays: null, buckets: buckets(0, 0, 0, 0, 0) });
    expect(leadTimeOf([{ days: 4, count: 0 }]).appointments).toBe(0);
  });
});
