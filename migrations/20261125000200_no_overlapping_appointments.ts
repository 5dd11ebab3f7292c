import type { Knex } from 'knex';

// Why: never double-book. Two live (not CANCELLED) appointments of one doctor, or of one
// patient, may not overlap in time; the database refuses it (SQLSTATE 23P01) whatever the
// application does, so concurrent desks cannot race past a check. Ranges are half-open, so
// back-to-back slots (10:00-10:15, 10:15-10:30) are fine. An appointment and an availability
// window must also end after they start, or the range would be empty and escape the check.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE EXTENSION IF NOT EXISTS btree_gist;

    ALTER TABLE appointment_entities
      ADD CONSTRAINT chk_appointment_time_order CHECK (end_time > start_time);
    ALTER TABLE doctor_availabilities
      ADD CONSTRAINT chk_availability_time_order CHECK (end_time > start_time);

    ALTER TABLE appointment_entities
      ADD CONSTRAINT excl_appointment_doctor_overlap EXCLUDE USING gist (
        doctor_id WITH =,
        tsrange(appointment_date + start_time, appointment_date + end_time) WITH &&
      ) WHERE (status <> 'CANCELLED');

    ALTER TABLE appointment_entities
      ADD CONSTRAINT excl_appointment_patient_overlap EXCLUDE USING gist (
        patient_id WITH =,
        tsrange(appointment_date + start_time, appointment_date + end_time) WITH &&
      ) WHERE (status <> 'CANCELLED');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE appointment_entities DROP CONSTRAINT excl_appointment_patient_overlap;
    ALTER TABLE appointment_entities DROP CONSTRAINT excl_appointment_doctor_overlap;
    ALTER TABLE doctor_availabilities DROP CONSTRAINT chk_availability_time_order;
    ALTER TABLE appointment_entities DROP CONSTRAINT chk_appointment_time_order;
  `);
  // btree_gist stays: another schema object of the clinic's DBA may use it.
}
