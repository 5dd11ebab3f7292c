import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO, startOfISOWeek } from 'date-fns';

/** The clinic's calendar date now ("YYYY-MM-DD"), whatever zone this PC is set to. */
export const todayIn = (timeZone: string, now = Date.now()) => format(new TZDate(now, timeZone), 'yyyy-MM-dd');

/** Minutes since midnight on the clinic's clock. */
export function minutesNowIn(timeZone: string, now = Date.now()): number {
  const local = new TZDate(now, timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

export const shiftDate = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');
/** Days from one wall-clock date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

/** Monday to Sunday of the week holding `date`. */
export function weekOf(date: string): string[] {
  const monday = startOfISOWeek(parseISO(date));
  return Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), 'yyyy-MM-dd'));
}

/** "Wed 25 Nov" — short enough for a column header. */
export const shortDay = (date: string) => format(parseISO(date), 'EEE d MMM');
/** "Wednesday, 25 November 2026" — for headings and dialogs. */
export const longDay = (date: string) => format(parseISO(date), 'EEEE, d MMMM yyyy');

/** "09:30:00" or "09:30" → 570. */
export function toMinutes(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** 570 → "09:30". */
export const fromMinutes = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const hhmm = (time: string) => time.slice(0, 5);
export const timeRange = (a: { startTime: string; endTime: string }) => `${hhmm(a.startTime)}–${hhmm(a.endTime)}`;

/** An instant from main (UTC) as the clinic's wall-clock time, "YYYY-MM-DD HH:MM". */
export const clinicDateTime = (instant: string, timeZone: string) => format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm');

/** "2026-11-30" → "Mon 2026-11-30": a desk reads schedules by weekday. */
export const withWeekday = (date: string) => `${format(parseISO(date), 'EEE')} ${date}`;
