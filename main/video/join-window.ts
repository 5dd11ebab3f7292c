import { createHash, randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';

/** The part of a join link that opens a call: 128 random bits, base64url (22 characters). */
export const newJoinCode = (): string => randomBytes(16).toString('base64url');

/** Only this is stored: a database dump holds no working link. */
export const hashJoinCode = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');

/** What a code in a URL can look like; anything else is unknown without touching the database. */
export const JOIN_CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export interface JoinWindow {
  opensAt: Date;
  closesAt: Date;
}

/** A wall-clock date and time in the clinic's zone as an instant (the zone's offset at that moment). */
function clinicMoment(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/** When the patient may trade the code for a token: `opens` minutes before the start to `closes` after the end. */
export function joinWindow(a: { date: string; startTime: string; endTime: string }, timeZone: string, minutes: { opens: number; closes: number }): JoinWindow {
  return {
    opensAt: new Date(clinicMoment(a.date, a.startTime, timeZone).getTime() - minutes.opens * 60_000),
    closesAt: new Date(clinicMoment(a.date, a.endTime, timeZone).getTime() + minutes.closes * 60_000),
  };
}

export type WindowPlace = 'before' | 'inside' | 'after';

export function placeIn(window: JoinWindow, now: number): WindowPlace {
  if (now < window.opensAt.getTime()) return 'before';
  return now > window.closesAt.getTime() ? 'after' : 'inside';
}
