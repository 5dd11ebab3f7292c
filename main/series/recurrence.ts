import { RRule, type Weekday } from 'rrule';
import type { z } from 'zod';
import { MAX_SERIES_OCCURRENCES, type recurrenceSchema } from '../../preload/contract';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';

type Recurrence = z.output<typeof recurrenceSchema>;

// ISO weekday (1 Monday … 7 Sunday) to rrule's.
const WEEKDAYS: readonly Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The rule of a series and its dates. Dates only, at UTC midnight: an occurrence's time is the
 * clinic's wall clock, so no zone (and no DST change) can move it to another day or hour.
 */
export function expandRecurrence(startDate: string, r: Recurrence): { rule: string; dates: string[] } {
  const rule = new RRule({
    freq: r.frequency === 'DAILY' ? RRule.DAILY : RRule.WEEKLY,
    interval: r.interval,
    dtstart: utcMidnight(startDate),
    ...(r.weekdays ? { byweekday: [...new Set(r.weekdays)].map((d) => WEEKDAYS[d - 1]!) } : {}),
    ...(r.count ? { count: r.count } : { until: utcMidnight(r.until!) }),
  });
  // One more than allowed is enough to know the rule asks for too many.
  const dates = rule.all((_, i) => i <= MAX_SERIES_OCCURRENCES).map((d) => d.toISOString().slice(0, 10));
  if (dates.length > MAX_SERIES_OCCURRENCES)
    throw new AppError('INVALID', say`At most ${MAX_SERIES_OCCURRENCES} appointments in a series; choose an earlier end date`, 'recurrence');
  if (dates.length === 0) throw new AppError('INVALID', 'This rule gives no dates; check the weekdays and the end date', 'recurrence');
  return { rule: rule.toString(), dates };
}
