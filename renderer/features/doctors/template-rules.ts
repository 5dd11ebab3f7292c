import type { Req, Res } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';

/** Monday to Sunday (weekdays 1 to 7), as the keys of their names in the doctors' words. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One working period as typed (minutes as text until sent). */
export interface RuleRow {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: string;
}

type Rules = Req<'availability.saveTemplate'>['rules'];

/**
 * The saved template as rows to edit, in weekday order. The rows stay in that order (see
 * newRow) and are sent in it, so main's "rules.3.endTime" is the form's own box of that name.
 */
export const rowsOf = (template: Res<'availability.getTemplate'>): RuleRow[] =>
  [...template.rules]
    .sort((a, b) => a.weekday - b.weekday)
    .map((rule) => ({ weekday: rule.weekday, startTime: hhmm(rule.startTime), endTime: hhmm(rule.endTime), slotMinutes: String(rule.slotMinutes) }));

/** The rows as the contract's rules (the minutes are checked as whole numbers before this). */
export const toRules = (rows: RuleRow[]): Rules =>
  rows.map((r) => ({ weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, slotMinutes: Number(r.slotMinutes) }));

/** A new period for a weekday, and where it goes to keep the weekday order: after the day's last one, starting where it ends. */
export function newRow(rows: RuleRow[], weekday: number, defaultSlotMinutes: number): { index: number; row: RuleRow } {
  const index = rows.filter((r) => r.weekday <= weekday).length;
  const after = rows
    .slice(0, index)
    .filter((r) => r.weekday === weekday)
    .at(-1);
  return {
    index,
    row: {
      weekday,
      startTime: after ? after.endTime : '09:00',
      endTime: after ? '' : '13:00',
      slotMinutes: after?.slotMinutes ?? String(defaultSlotMinutes),
    },
  };
}
