import { spanOf } from '../shared/durations';
import { say, type Sentence } from '../shared/say';
import { daysBetween, toMinutes } from '../availability/wall-clock';

const DAY_MINUTES = 24 * 60;

export interface Horizon {
  name: string;
  minNoticeMinutes: number;
  maxDaysAhead: number | null;
}

/**
 * Why a type cannot be booked for `slot` from `now` (clinic wall clock): too little notice, or
 * too far ahead; null when it can. Wall-clock minutes, so a DST change shifts the notice by its hour.
 */
export function horizonProblem(
  type: Horizon,
  slot: { date: string; startTime: string },
  now: { date: string; time: string },
): { kind: 'NOTICE' | 'TOO_FAR'; message: Sentence; field: 'startTime' | 'date' } | null {
  const days = daysBetween(now.date, slot.date);
  if (days * DAY_MINUTES + toMinutes(slot.startTime) - toMinutes(now.time) < type.minNoticeMinutes) {
    return { kind: 'NOTICE', message: say`${type.name} must be booked at least ${spanOf(type.minNoticeMinutes)} ahead`, field: 'startTime' };
  }
  if (type.maxDaysAhead !== null && days > type.maxDaysAhead) {
    return { kind: 'TOO_FAR', message: say`${type.name} can be booked at most ${spanOf(type.maxDaysAhead * DAY_MINUTES)} ahead`, field: 'date' };
  }
  return null;
}
