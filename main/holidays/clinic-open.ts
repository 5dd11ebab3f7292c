import type { Knex } from 'knex';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { holidayOn } from './repo';

/** Said by the holiday's name: the desk then knows it is no mistake in the doctor's hours. */
export const closedMessage = (holiday: { date: string; name: string }) => say`The clinic is closed on ${holiday.name} (${holiday.date})`;

/** Refuses a day the clinic has made a holiday. */
export async function assertClinicOpen(knex: Knex, date: string): Promise<void> {
  assertNotHoliday(await holidayOn(knex, date));
}

/** The same, given the day's holiday (or none) as already read with something else. */
export function assertNotHoliday(holiday: { date: string; name: string } | null | undefined): void {
  if (holiday) throw new AppError('CONFLICT', closedMessage(holiday), 'date');
}
