import type { Knex } from 'knex';
import { clinicNow } from '../../main/settings/clinic-time';
import { readSettings } from '../../main/settings/repo';

/**
 * Today, by the clinic's clock, as a working day. Every doctor of the bench's generated clinic
 * and of the demo is off on Sundays, and the clinic's date turns at its own midnight (18:30 UTC
 * in India), not the loader's: on such a day Today has no doctor column and nothing booked for
 * a bench figure or a test to work on. Then the last day with appointments lends today its
 * working windows and its appointments, booked afresh, so Today is as full whatever the day.
 */
export async function aWorkingToday(knex: Knex): Promise<void> {
  const today = clinicNow((await readSettings(knex)).timeZone).date;
  const live = () => knex('appointment_entities').whereNot('status', 'CANCELLED');
  if (await live().where('appointment_date', today).first('id')) return;
  const { last } = (await live().where('appointment_date', '<', today).max('appointment_date as last').first()) as { last: string };
  await knex.transaction(async (trx) => {
    const windows: Record<string, unknown>[] = await trx('doctor_availabilities').where('date', last);
    await trx('doctor_availabilities').insert(windows.map(({ id: _id, created_at: _c, updated_at: _u, ...w }) => ({ ...w, date: today })));
    const booked: Record<string, unknown>[] = await live()
      .transacting(trx)
      .where('appointment_date', last)
      .select('patient_id', 'doctor_id', 'start_time', 'end_time', 'reason');
    await trx('appointment_entities').insert(booked.map((a) => ({ ...a, appointment_date: today, status: 'SCHEDULED' })));
  });
}
