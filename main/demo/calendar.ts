// Clinic dates and times stay 'YYYY-MM-DD' / 'HH:MM:SS' strings, as the database returns them.
// Arithmetic goes through UTC so the PC's own zone can never shift a day.

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d\d-\d\d$/.test(date) || Number.isNaN(ms)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

export function toMinutes(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function toTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * The TIMESTAMP (a UTC instant, see main/db/session.ts) of a wall-clock moment in the clinic's
 * zone. The offset is taken at noon of that day: clinic hours never straddle a DST change.
 */
export function clinicInstant(date: string, minutes: number, timeZone: string): string {
  const key = `${timeZone}|${date}`;
  let offsetMs = dayOffsets.get(key);
  if (offsetMs === undefined) {
    offsetMs = zoneOffsetMs(new Date(toUtcMs(date) + 12 * 3_600_000), timeZone);
    dayOffsets.set(key, offsetMs);
  }
  const instant = new Date(toUtcMs(date) + minutes * 60_000 - offsetMs);
  return instant.toISOString().replace('T', ' ').slice(0, 19);
}

// Formatting through Intl is slow next to everything else here, and a demo asks for tens of
// thousands of instants on a few hundred days.
const dayOffsets = new Map<string, number>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(at: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
