import type { Knex } from 'knex';
import { AppError } from '../shared/app-error';
import { holidayOn } from './repo';

/** Refuses a day the clinic has made a holiday, saying which: the desk then knows it is no mistake in the doctor's hours. */
export async function assertClinicOpen(knex: Knex, date: string): Promise<void> {
  const holiday = await holidayOn(knex, date);
  if (holiday) throw new AppError('CONFLICT', `The clinic is closed on ${holiday.name} (${date})`, 'date');
}
