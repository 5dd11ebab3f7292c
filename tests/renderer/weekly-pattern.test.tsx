import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newRow, rowsOf, toRules, type RuleRow } from '../../renderer/features/doctors/template-rules';
import { useBlockedChange } from '../../renderer/features/doctors/useBlockedChange';
import { useWeeklyPattern } from '../../renderer/features/doctors/useWeeklyPattern';

const SAVED = { doctorId: 1, rules: [{ weekday: 3, startTime: '10:00:00', endTime: '12:00:00', slotMinutes: 15 }], validFrom: '2099-01-01', validTo: null };
const row = (weekday: number, startTime = '09:00', endTime = '13:00', slotMinutes = '15'): RuleRow => ({ weekday, startTime, endTime, slotMinutes });

describe('template rules', () => {
  it('are kept and sent in weekday order, so a refusal at rules.N is the form’s own box of that name', () => {
    const saved = {
      ...SAVED,
      rules: [
        { ...SAVED.rules[0]!, weekday: 5 },
        { ...SAVED.rules[0]!, weekday: 1 },
      ],
    };
    expect(rowsOf(saved).map((r) => r.weekday)).toEqual([1, 5]);
    expect(toRules(rowsOf(saved))[0]).toEqual({ weekday: 1, startTime: '10:00', endTime: '12:00', slotMinutes: 15 });
  });

  it('a new period goes after its day’s last one and starts where it ends; a day without one gets the usual hours', () => {
    const rows = [row(1), row(3, '10:00', '12:00', '20'), row(5)];
    expect(newRow(rows, 3, 15)).toEqual({ index: 2, row: row(3, '12:00', '', '20') });
    expect(newRow(rows, 4, 15)).toEqual({ index: 2, row: row(4, '09:00', '13:00', '15') });
    expect(newRow(rows, 7, 10)).toEqual({ index: 3, row: row(7, '09:00', '13:00', '10') });
  });
});

describe('useWeeklyPattern', () => {
  it('starts from the saved pattern, clean; an edit is unsaved until saved, and undoing it is clean again', () => {
    const { result } = renderHook(() => useWeeklyPattern(1, { ...SAVED, validFrom: null }, '2098-06-01', 20, '2098-06-14'));
    expect(result.current.rules).toEqual([row(3, '10:00', '12:00', '15')]);
    expect(result.current.form.getValues('validFrom')).toBe('2098-06-01');
    expect(result.current.dirty).toBe(false);
    act(() => result.current.add(1));
    expect(result.current.rules[0]).toEqual(row(1, '09:00', '13:00', '20'));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.remove(0));
    expect(result.current.dirty).toBe(false);
    act(() => result.current.form.setValue('validTo', '2099-12-31'));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.saved(result.current.form.getValues()));
    expect(result.current.dirty).toBe(false);
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
