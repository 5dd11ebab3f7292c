// Wall-clock calendar dates ("YYYY-MM-DD") counted in whole days from the epoch: a date-only ISO
// string reads as UTC midnight, so neither the PC's zone nor a DST change can shift a day. Plain
// numbers rather than zoned date objects: the schedule and the free-slot search do this for every
// date they touch. Shared by main and the renderer through the contract package.

const DAY_MS = 86_400_000;

/** The instant a date begins in UTC, in milliseconds: how the date is counted, and what Intl formats it from. */
export const utcMidnight = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

const dayNumber = (date: string) => utcMidnight(date) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every date from `from` to `to`, both included (none when `to` is earlier). */
export function eachDate(from: string, to: string): string[] {
  const start = dayNumber(from);
  const days = dayNumber(to) - start;
  return Array.from({ length: Math.max(0, days + 1) }, (_, i) => dateOf(start + i));
}

/** Days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function shiftDate(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekdayOf(date: string): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay() || 7;
}
