import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { newKey, ordered, rowsOf, type RuleRow } from './template-rules';

/**
 * The weekly pattern being edited: its periods per weekday and the dates it holds for, and
 * whether it differs from what main has saved (the calendar is filled from the saved one).
 */
export function useWeeklyPattern(saved: Res<'availability.getTemplate'>, today: string, defaultSlotMinutes: number) {
  const [rows, setRows] = useState<RuleRow[]>(() => rowsOf(saved));
  const [dates, setDatesState] = useState({ validFrom: saved.validFrom ?? today, validTo: saved.validTo ?? '' });
  const [dirty, setDirty] = useState(false);
  // Counts edits, so a preview can tell it was made from an older pattern.
  const [revision, setRevision] = useState(0);
  // The period just added gets the focus, so the admin types its hours straight away.
  const [justAdded, setJustAdded] = useState<number>();

  function edited(next: RuleRow[]) {
    setRows(next);
    setDirty(true);
    setRevision((n) => n + 1);
  }

  return {
    rows: ordered(rows),
    dates,
    dirty,
    revision,
    justAdded,
    change: (key: number, patch: Partial<RuleRow>) => edited(rows.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    add(weekday: number) {
      const sameDay = ordered(rows).filter((r) => r.weekday === weekday);
      const after = sameDay[sameDay.length - 1];
      const row = {
        key: newKey(),
        weekday,
        startTime: after ? after.endTime : '09:00',
        endTime: after ? '' : '13:00',
        slotMinutes: String(after?.slotMinutes ?? defaultSlotMinutes),
      };
      setJustAdded(row.key);
      edited([...rows, row]);
    },
    remove: (row: RuleRow) => edited(rows.filter((r) => r.key !== row.key)),
    setDates(patch: Partial<typeof dates>) {
      setDatesState((d) => ({ ...d, ...patch }));
      setDirty(true);
    },
    saved: () => setDirty(false),
  };
}

export type WeeklyPattern = ReturnType<typeof useWeeklyPattern>;
