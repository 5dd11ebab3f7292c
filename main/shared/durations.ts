import { say, type Sentence } from './say';

const DAY_MINUTES = 24 * 60;

/** A span as people say it, in its largest whole unit: "2 days", "3 hours", "90 minutes". */
export function spanOf(minutes: number): Sentence {
  if (minutes > 0 && minutes % DAY_MINUTES === 0) {
    const n = minutes / DAY_MINUTES;
    return n === 1 ? say`${n} day` : say`${n} days`;
  }
  if (minutes > 0 && minutes % 60 === 0) {
    const n = minutes / 60;
    return n === 1 ? say`${n} hour` : say`${n} hours`;
  }
  return minutes === 1 ? say`${minutes} minute` : say`${minutes} minutes`;
}

/** A wait of seconds: in seconds while short, then in minutes rounded up. */
export const waitOf = (seconds: number): Sentence => (seconds < 90 ? say`${seconds} seconds` : spanOf(Math.ceil(seconds / 60)));
