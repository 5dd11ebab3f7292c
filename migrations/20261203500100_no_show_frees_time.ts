import type { Knex } from 'knex';

// Why (issue 20): a patient who did not come gives back what is left of their slot, and the
// waitlist is offered it at once; but the doctor's exclusion constraint still counted a NO_SHOW
// as holding its time, so the offer could never be booked. The doctor's constraint now leaves
// out NO_SHOW as it leaves out CANCELLED (over the same buffered range). The patient's
// constraint is unchanged. An undo of the no-show meets the constraint again and is refused
// with the booking in the way named, as any rebooking is.
// down() refuses, naming the count, when a no-show's time has since been booked: the older
// constraint could not be built over them.

const BUFFERED = `tsrange(
        appointment_date + start_time - buffer_before_minutes * interval '1 minute',
        appointment_date + end_time + buffer_after_minutes * interval '1 minute')`;

const doctorConstraint = (where: string) => `
    ALTER TABLE appointment_entities DROP CONSTRAINT excl_appointment_doctor_overlap;
    ALTER TABLE appointment_entities
      ADD CONSTRAINT excl_appointment_doctor_overlap EXCLUDE USING gist (
        doctor_id WITH =,
        ${BUFFERED} WITH &&
      ) WHERE (${where});`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(doctorConstraint(`status NOT IN ('CANCELLED', 'NO_SHOW')`));
}

export async function down(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(`
    SELECT count(*)::int AS n
      FROM appointment_entities a
      JOIN appointment_entities b ON a.id < b.id AND a.doctor_id = b.doctor_id
     WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' AND 'NO_SHOW' IN (a.status, b.status)
       AND tsrange(a.appointment_date + a.start_time - a.buffer_before_minutes * interval '1 minute',
                   a.appointment_date + a.end_time + a.buffer_after_minutes * interval '1 minute')
        && tsrange(b.appointment_date + b.start_time - b.buffer_before_minutes * interval '1 minute',
                   b.appointment_date + b.end_time + b.buffer_after_minutes * interval '1 minute')`);
  const n = rows[0]?.n ?? 0;
  if (n > 0) throw new Error(`${n} appointments were booked into the time of a no-show; cancel or move them before rolling back`);
  await knex.raw(doctorConstraint(`status <> 'CANCELLED'`));
}
