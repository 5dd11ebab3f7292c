import { TZDate } from '@date-fns/tz';
// date-fns one function a file: its index would load the whole library at every start.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';

// Clinic dates and times are wall-clock values. Arithmetic happens on UTC calendar dates and
// on minutes since midnight, so neither the PC's zone nor a DST change can shift a slot.

const utcDate = (date: string) => new TZDate(`${date}T12:00:00Z`, 'UTC');

/** Every date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  const start = utcDate(from);
  const days = differenceInCalendarDays(utcDate(to), start);
  return Array.from({ length: Math.max(0, days + 1) }, (_, i) => format(addDays(start, i), 'yyyy-MM-dd'));
}

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(utcDate(to), utcDate(from));
}

export function shiftDate(date: string, days: number): string {
  return format(addDays(utcDate(date), days), 'yyyy-MM-dd');
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekdayOf(date: string): number {
  return getISODay(utcDate(date));
}

export function toMinutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function toTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}
