import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ruleFields, toRules, type RuleRow } from '../../renderer/features/doctors/template-rules';
import { useBlockedChange } from '../../renderer/features/doctors/useBlockedChange';
import { useWeeklyPattern } from '../../renderer/features/doctors/useWeeklyPattern';

const SAVED = { doctorId: 1, rules: [{ weekday: 3, startTime: '10:00:00', endTime: '12:00:00', slotMinutes: 15 }], validFrom: '2099-01-01', validTo: null };
const row = (weekday: number, slotMinutes = '15'): RuleRow => ({ key: weekday * 10, weekday, startTime: '09:00', endTime: '13:00', slotMinutes });

describe('template rules', () => {
  it('are sent in weekday order, so a refusal at rules.N finds its box', () => {
    const { rules, problem } = toRules([row(5), row(1)]);
    expect(problem).toBeUndefined();
    expect(rules.map((r) => r.weekday)).toEqual([1, 5]);
    expect(ruleFields([row(1)])).toEqual(['rules', 'rules.0.startTime', 'rules.0.endTime', 'rules.0.slotMinutes']);
  });

  it('name the first row (in sent order) whose minutes are not a whole number', () => {
    expect(toRules([row(4, '1.5'), row(2, '20'), row(6, 'x')]).problem).toEqual({
      code: 'INVALID',
      field: 'rules.1.slotMinutes',
      message: 'Enter the minutes per slot as a whole number',
    });
  });
});

describe('useWeeklyPattern', () => {
  it('starts from the saved pattern, clean', () => {
    const { result } = renderHook(() => useWeeklyPattern(SAVED, '2098-06-01', 20));
    expect(result.current.rows).toMatchObject([{ weekday: 3, startTime: '10:00', endTime: '12:00', slotMinutes: '15' }]);
    expect(result.current.dates).toEqual({ validFrom: '2099-01-01', validTo: '' });
    expect(result.current.dirty).toBe(false);
  });

  it('adds a period after the day’s last one, focuses it, and every edit counts as unsaved until saved', () => {
    const { result } = renderHook(() => useWeeklyPattern({ ...SAVED, validFrom: null }, '2098-06-01', 20));
    expect(result.current.dates.validFrom).toBe('2098-06-01');
    act(() => result.current.add(1));
    expect(result.current.rows[0]).toMatchObject({ weekday: 1, startTime: '09:00', endTime: '13:00', slotMinutes: '20' });
    expect(result.current.justAdded).toBe(result.current.rows[0]!.key);
    act(() => result.current.add(3));
    expect(result.current.rows.filter((r) => r.weekday === 3).map((r) => [r.startTime, r.endTime, r.slotMinutes])).toEqual([
      ['10:00', '12:00', '15'],
      ['12:00', '', '15'],
    ]);
    const revision = result.current.revision;
    act(() => result.current.remove(result.current.rows[0]!));
    expect(result.current.rows.some((r) => r.weekday === 1)).toBe(false);
    expect(result.current.revision).toBeGreaterThan(revision);
    expect(result.current.dirty).toBe(true);
    act(() => result.current.saved());
    expect(result.current.dirty).toBe(false);
    act(() => result.current.setDates({ validTo: '2099-12-31' }));
    expect(result.current.dirty).toBe(true);
    expect(result.current.dates).toEqual({ validFrom: '2098-06-01', validTo: '2099-12-31' });
  });
});

describe('useBlockedChange', () => {
  it('a saved change is done at once; a blocked one is held with its retry until closed', () => {
    const done: number[] = [];
    const retry = () => Promise.resolve({ ok: true as const, value: { status: 'saved' as const, window: null, cancelledAppointments: 1 } });
    const { result } = renderHook(() => useBlockedChange());
    act(() => result.current.answer({ status: 'saved', window: null, cancelledAppointments: 0 }, retry, (n) => done.push(n)));
    expect(done).toEqual([0]);
    expect(result.current.blocked).toBeUndefined();
    const stranded = [{ id: 9, date: '2099-01-05', startTime: '09:00:00', endTime: '09:15:00', patientName: 'Kavya Menon' }];
    act(() => result.current.answer({ status: 'blocked', appointments: stranded }, retry, (n) => done.push(n)));
    expect(result.current.blocked?.appointments).toEqual(stranded);
    expect(result.current.blocked?.retry).toBe(retry);
    expect(done).toEqual([0]);
    act(() => result.current.close());
    expect(result.current.blocked).toBeUndefined();
  });
});
