import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';

/** Today's date (YYYY-MM-DD) on the clinic's wall clock, whatever zone this PC is set to. */
export const todayIn = (timeZone: string): string => format(TZDate.tz(timeZone), 'yyyy-MM-dd');

/** A calendar date moved by whole days, with no time zone in play. */
export const plusDays = (date: string, days: number): string => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

/** An instant from main (UTC) as the clinic's wall-clock time. */
export const clinicDateTime = (instant: string, timeZone: string): string => format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm');

/** "09:00:00" → "09:00": seconds are never meaningful on the desk. */
export const hhmm = (time: string): string => time.slice(0, 5);

/** "2026-11-30" → "Mon 2026-11-30": a desk reads schedules by weekday. */
export const withWeekday = (date: string): string => `${format(parseISO(date), 'EEE')} ${date}`;
