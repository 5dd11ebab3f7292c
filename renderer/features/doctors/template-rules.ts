import type { CallError, Req, Res } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** One working period as typed (minutes as text until sent). */
export interface RuleRow {
  key: number;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: string;
}

export type Rules = Req<'availability.saveTemplate'>['rules'];

let nextKey = 0;
export const newKey = () => ++nextKey;

/** The rows in weekday order: the order they are sent in, so main's "rules.3.endTime" finds its box. */
export const ordered = (rows: RuleRow[]) => [...rows].sort((a, b) => a.weekday - b.weekday);

/** The saved template as rows to edit. */
export const rowsOf = (template: Res<'availability.getTemplate'>): RuleRow[] =>
  template.rules.map((rule) => ({
    key: newKey(),
    weekday: rule.weekday,
    startTime: hhmm(rule.startTime),
    endTime: hhmm(rule.endTime),
    slotMinutes: String(rule.slotMinutes),
  }));

/** The rows as the contract's rules, or the first row whose minutes are not a whole number. */
export function toRules(rows: RuleRow[]): { rules: Rules; problem?: CallError } {
  const list = ordered(rows);
  const bad = list.findIndex((r) => !/^\d+$/.test(r.slotMinutes.trim()));
  const rules = list.map((r) => ({ weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, slotMinutes: Number(r.slotMinutes) }));
  return bad < 0
    ? { rules }
    : { rules, problem: { code: 'INVALID', field: `rules.${bad}.slotMinutes`, message: 'Enter the minutes per slot as a whole number' } };
}

/** The field names a refusal about the rules may carry, for rows in sent order. */
export const ruleFields = (rows: RuleRow[]) => ['rules', ...rows.flatMap((_, i) => ['startTime', 'endTime', 'slotMinutes'].map((f) => `rules.${i}.${f}`))];
