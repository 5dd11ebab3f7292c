import type { Knex } from 'knex';

// Why: doctors work to a weekly pattern ("Mon–Fri 09:00–13:00 and 16:00–19:00, 15-minute
// slots"). The pattern is kept as rules and expanded into the seed's doctor_availabilities
// rows for a date range, so the schedule and free-slot search keep reading plain rows.
// - doctor_availabilities.kind: TEMPLATE (from the pattern), EXTRA (added hours) or LEAVE
//   (time off; is_available = false), so an exception never rewrites the pattern's rows.
// - slot_minutes: the slot length of that window, so a change of pattern leaves expanded days alone.
// - a unique window per doctor, day, times and kind: expanding the same range again adds nothing.
// Times are clinic wall-clock times (no zone), so a day with a DST change has exactly the
// slots its windows describe: none missing, none doubled.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('availability_templates', (t) => {
    t.bigIncrements('id');
    t.bigInteger('doctor_id').notNullable();
    t.smallint('weekday').notNullable();
    t.time('start_time').notNullable();
    t.time('end_time').notNullable();
    t.smallint('slot_minutes').notNullable().defaultTo(15);
    t.date('valid_from').notNullable();
    t.date('valid_to');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('created_by');
    t.foreign('doctor_id', 'fk_template_doctor').references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.index(['doctor_id'], 'idx_template_doctor');
  });
  await knex.raw(`
    ALTER TABLE availability_templates
      ADD CONSTRAINT chk_template_weekday CHECK (weekday BETWEEN 1 AND 7),
      ADD CONSTRAINT chk_template_time_order CHECK (end_time > start_time),
      ADD CONSTRAINT chk_template_slot CHECK (slot_minutes BETWEEN 5 AND 240),
      ADD CONSTRAINT chk_template_validity CHECK (valid_to IS NULL OR valid_to >= valid_from);
  `);
  await knex.schema.alterTable('doctor_availabilities', (t) => {
    t.string('kind', 10).notNullable().defaultTo('TEMPLATE');
    t.smallint('slot_minutes').notNullable().defaultTo(15);
    t.text('note');
    t.bigInteger('created_by');
  });
  await knex.raw(`
    UPDATE doctor_availabilities SET kind = 'LEAVE' WHERE NOT is_available;
    ALTER TABLE doctor_availabilities
      ADD CONSTRAINT chk_availability_kind CHECK (kind IN ('TEMPLATE', 'EXTRA', 'LEAVE')),
      ADD CONSTRAINT chk_availability_leave CHECK ((kind = 'LEAVE') = (NOT is_available)),
      ADD CONSTRAINT chk_availability_slot CHECK (slot_minutes BETWEEN 5 AND 240);
    CREATE UNIQUE INDEX uq_availability_window ON doctor_availabilities (doctor_id, date, start_time, end_time, kind);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX uq_availability_window;
    ALTER TABLE doctor_availabilities
      DROP CONSTRAINT chk_availability_slot,
      DROP CONSTRAINT chk_availability_leave,
      DROP CONSTRAINT chk_availability_kind;
  `);
  await knex.schema.alterTable('doctor_availabilities', (t) => {
    t.dropColumns('created_by', 'note', 'slot_minutes', 'kind');
  });
  await knex.schema.dropTable('availability_templates');
}
