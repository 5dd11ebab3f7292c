import { daysBetween, eachDate, shiftDate, utcMidnight, weekdayOf } from '../../preload/contract/calendar';
import { currentLocale } from './locale';

// Dates are read and written with the browser's Intl, not a date library: these are on the
// Today screen, and the start-up JavaScript stays without date-fns and its locale tables.
// Calendar dates ("YYYY-MM-DD") are reckoned as UTC days, so no zone or DST shift moves them.

type Part = Intl.DateTimeFormatPartTypes;

/**
 * One formatter per locale, zone and shape (building one is the costly part), giving parts by
 * type. Numbers in 'en-US'; names (weekdays, months) in the user's locale.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsOf(instant: number | Date, options: Intl.DateTimeFormatOptions, locale = 'en-US'): Partial<Record<Part, string>> {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
}

const NUMERIC = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The wall clock in a zone: "YYYY-MM-DD" and "HH:MM". */
function wallClock(instant: number | Date, timeZone: string) {
  const p = partsOf(instant, { ...NUMERIC, timeZone });
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * A page's first date format loads the zone and calendar data, a cost noticed on the first screen
 * after sign-in; preloaded (`preloadWhenIdle`) while the sign-in form waits for the desk.
 */
export const dateFormats = { preload: async () => void todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone) };

/** The clinic's calendar date now ("YYYY-MM-DD"), whatever zone this PC is set to. */
export const todayIn = (timeZone: string, now = Date.now()) => wallClock(now, timeZone).date;

/** Minutes since midnight on the clinic's clock. */
export function minutesNowIn(timeZone: string, now = Date.now()): number {
  return toMinutes(wallClock(now, timeZone).time);
}

export { daysBetween, shiftDate };

/** Monday to Sunday of the week holding `date`. */
export function weekOf(date: string): string[] {
  const monday = shiftDate(date, 1 - weekdayOf(date));
  return eachDate(monday, shiftDate(monday, 6));
}

// English names stay the desk's ("Sep"): en-IN abbreviates September "Sept". The parts are put
// in the desk's own order, so only the names come from the locale.
const namesLocale = () => (currentLocale().startsWith('en-') ? 'en-US' : currentLocale());
const named = (date: string, names: Pick<Intl.DateTimeFormatOptions, 'weekday' | 'month'>) =>
  partsOf(utcMidnight(date), { timeZone: 'UTC', day: 'numeric', year: 'numeric', ...names }, namesLocale());

/** "Wed 25 Nov" — short enough for a column header. */
export const shortDay = (date: string) => {
  const p = named(date, { weekday: 'short', month: 'short' });
  return `${p.weekday} ${p.day} ${p.month}`;
};
/** "Wednesday, 25 November 2026" — for headings and dialogs. */
export const longDay = (date: string) => {
  const p = named(date, { weekday: 'long', month: 'long' });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
};
/** "12 Apr 1988" — a date whose weekday nobody asks for (a date of birth), its year always shown. */
export const calendarDay = (date: string) => {
  const p = named(date, { month: 'short' });
  return `${p.day} ${p.month} ${p.year}`;
};

/** Whole years from `birth` to `today` ("YYYY-MM-DD" both), as PostgreSQL's age() counts them. */
export function yearsOld(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5, 10) < birth.slice(5, 10) ? years - 1 : years;
}

/** "09:30:00" or "09:30" → 570. */
export function toMinutes(time: string): number {
  // Read in place, without splitting: the schedule reads every appointment's times on each draw.
  const colon = time.indexOf(':');
  if (colon < 0) return Number(time) * 60;
  const seconds = time.indexOf(':', colon + 1);
  return Number(time.slice(0, colon)) * 60 + Number(time.slice(colon + 1, seconds < 0 ? undefined : seconds));
}

/** 570 → "09:30". */
export const fromMinutes = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const hhmm = (time: string) => time.slice(0, 5);
export const timeRange = (a: { startTime: string; endTime: string }) => `${hhmm(a.startTime)}–${hhmm(a.endTime)}`;

/** An instant from main (UTC) as the clinic's wall-clock time, "YYYY-MM-DD HH:MM". */
export const clinicDateTime = (instant: string, timeZone: string) => {
  const { date, time } = wallClock(new Date(instant), timeZone);
  return `${date} ${time}`;
};

/** "2026-11-30" → "Mon 2026-11-30": a desk reads schedules by weekday. */
export const withWeekday = (date: string) => `${named(date, { weekday: 'short' }).weekday} ${date}`;
