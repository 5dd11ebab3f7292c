import type { Knex } from 'knex';

// Why (issue 20): the desk books by service — a new visit of 20 minutes and ₹800, a follow-up
// of 10 and ₹400 — not one slot length and one fee per doctor. A type says its length, fee,
// colour, mode, buffers and booking horizon; the doctors who offer it may each have their own
// fee or length. Appointments keep the seed's columns and gain a nullable type, so seed data
// stays valid; the fee and buffers a booking was made with are kept on the appointment, so
// changing a type later does not rewrite what was already booked (or charged).
//
// Buffers are part of "no double booking, by construction": the doctor's exclusion constraint
// is recreated over the buffered range (before/after default 0, so every existing row and every
// untyped booking is refused exactly as before). The patient's constraint keeps the bare range:
// buffers are the doctor's and the room's time, not the patient's.

const BARE = `tsrange(appointment_date + start_time, appointment_date + end_time)`;
const BUFFERED = `tsrange(
        appointment_date + start_time - buffer_before_minutes * interval '1 minute',
        appointment_date + end_time + buffer_after_minutes * interval '1 minute')`;

const doctorConstraint = (range: string) => `
    ALTER TABLE appointment_entities DROP CONSTRAINT excl_appointment_doctor_overlap;
    ALTER TABLE appointment_entities
      ADD CONSTRAINT excl_appointment_doctor_overlap EXCLUDE USING gist (
        doctor_id WITH =,
        ${range} WITH &&
      ) WHERE (status <> 'CANCELLED');`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appointment_types', (t) => {
    t.bigIncrements('id').primary();
    t.string('name', 100).notNullable();
    t.integer('duration_minutes').notNullable();
    t.decimal('fee', 10, 2).notNullable().defaultTo(0);
    t.string('colour', 7).notNullable().defaultTo('#4a90d9');
    t.string('mode', 10).notNullable().defaultTo('IN_PERSON').checkIn(['IN_PERSON', 'VIDEO'], 'chk_appointment_type_mode');
    t.string('visit_kind', 10).notNullable().defaultTo('NEW').checkIn(['NEW', 'FOLLOW_UP'], 'chk_appointment_type_visit_kind');
    t.integer('buffer_before_minutes').notNullable().defaultTo(0);
    t.integer('buffer_after_minutes').notNullable().defaultTo(0);
    t.integer('min_notice_minutes').notNullable().defaultTo(0);
    t.integer('max_days_ahead');
    t.boolean('active').notNullable().defaultTo(true);
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true });
  });
  await knex.raw(`
    ALTER TABLE appointment_types
      ADD CONSTRAINT chk_appointment_type_duration CHECK (duration_minutes BETWEEN 5 AND 480),
      ADD CONSTRAINT chk_appointment_type_fee CHECK (fee >= 0),
      ADD CONSTRAINT chk_appointment_type_colour CHECK (colour ~ '^#[0-9a-fA-F]{6}$'),
      ADD CONSTRAINT chk_appointment_type_buffers CHECK (buffer_before_minutes BETWEEN 0 AND 120 AND buffer_after_minutes BETWEEN 0 AND 120),
      ADD CONSTRAINT chk_appointment_type_notice CHECK (min_notice_minutes BETWEEN 0 AND 43200),
      ADD CONSTRAINT chk_appointment_type_ahead CHECK (max_days_ahead IS NULL OR max_days_ahead BETWEEN 1 AND 730);
    CREATE UNIQUE INDEX uq_appointment_type_name ON appointment_types (lower(name));
  `);

  await knex.schema.createTable('doctor_appointment_types', (t) => {
    t.bigInteger('doctor_id').notNullable().references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.bigInteger('appointment_type_id').notNullable().references('id').inTable('appointment_types').onDelete('CASCADE');
    t.decimal('fee', 10, 2);
    t.integer('duration_minutes');
    t.boolean('is_default').notNullable().defaultTo(false);
    t.primary(['doctor_id', 'appointment_type_id']);
  });
  await knex.raw(`
    ALTER TABLE doctor_appointment_types
      ADD CONSTRAINT chk_doctor_type_fee CHECK (fee IS NULL OR fee >= 0),
      ADD CONSTRAINT chk_doctor_type_duration CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 5 AND 480);
    CREATE INDEX idx_doctor_type_type ON doctor_appointment_types (appointment_type_id);
    -- One default type per doctor: what the booking dialog and a walk-in start from.
    CREATE UNIQUE INDEX uq_doctor_default_type ON doctor_appointment_types (doctor_id) WHERE is_default;
  `);

  await knex.schema.alterTable('appointment_entities', (t) => {
    t.bigInteger('appointment_type_id').references('id').inTable('appointment_types').onDelete('RESTRICT');
    t.decimal('fee', 10, 2);
    t.integer('buffer_before_minutes').notNullable().defaultTo(0);
    t.integer('buffer_after_minutes').notNullable().defaultTo(0);
  });
  await knex.raw(`
    ALTER TABLE appointment_entities
      ADD CONSTRAINT chk_appointment_fee CHECK (fee IS NULL OR fee >= 0),
      ADD CONSTRAINT chk_appointment_buffers CHECK (buffer_before_minutes BETWEEN 0 AND 120 AND buffer_after_minutes BETWEEN 0 AND 120);
    CREATE INDEX idx_appointment_type ON appointment_entities (appointment_type_id) WHERE appointment_type_id IS NOT NULL;
    ${doctorConstraint(BUFFERED)}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(doctorConstraint(BARE));
  await knex.raw(`
    DROP INDEX IF EXISTS idx_appointment_type;
    ALTER TABLE appointment_entities DROP CONSTRAINT chk_appointment_buffers, DROP CONSTRAINT chk_appointment_fee;
  `);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.dropColumn('buffer_after_minutes');
    t.dropColumn('buffer_before_minutes');
    t.dropColumn('fee');
    t.dropColumn('appointment_type_id');
  });
  await knex.schema.dropTable('doctor_appointment_types');
  await knex.schema.dropTable('appointment_types');
}
