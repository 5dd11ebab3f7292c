import type { Knex } from 'knex';

// Why (issue 20): patients who want an earlier time wait on a list; when time frees (a
// cancellation or a move), the best matching entry is offered the slot, and the offer is
// recorded for the desk to act on (the booking itself goes through the ordinary rules, so the
// database still decides who gets a slot two desks offer at once). An entry wants one doctor or
// any doctor of a specialization, within a date range and optionally a time of day; it
// expires with its range. Recalls ("see again in 2 weeks") are a due date per patient the desk
// lists as due, overdue or booked.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('waitlist_entries', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('patient_id').notNullable().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.bigInteger('doctor_id').references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.string('specialization', 100);
    t.bigInteger('appointment_type_id').references('id').inTable('appointment_types').onDelete('SET NULL');
    t.date('from_date').notNullable();
    t.date('to_date').notNullable();
    t.time('time_from');
    t.time('time_to');
    t.string('urgency', 10).notNullable().defaultTo('ROUTINE').checkIn(['ROUTINE', 'SOON', 'URGENT'], 'chk_waitlist_urgency');
    t.text('note');
    t.string('status', 10).notNullable().defaultTo('WAITING').checkIn(['WAITING', 'BOOKED', 'REMOVED'], 'chk_waitlist_status');
    t.bigInteger('booked_appointment_id').references('id').inTable('appointment_entities').onDelete('SET NULL');
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    ALTER TABLE waitlist_entries
      ADD CONSTRAINT chk_waitlist_whom CHECK (doctor_id IS NOT NULL OR specialization IS NOT NULL),
      ADD CONSTRAINT chk_waitlist_dates CHECK (to_date >= from_date),
      ADD CONSTRAINT chk_waitlist_times CHECK (time_from IS NULL OR time_to IS NULL OR time_to > time_from);
    CREATE INDEX idx_waitlist_waiting ON waitlist_entries (to_date, from_date) WHERE status = 'WAITING';
  `);

  await knex.schema.createTable('waitlist_offers', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('entry_id').notNullable().references('id').inTable('waitlist_entries').onDelete('CASCADE');
    t.bigInteger('doctor_id').notNullable().references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.date('date').notNullable();
    t.time('start_time').notNullable();
    t.time('end_time').notNullable();
    /** The appointment whose cancellation or move freed the time. */
    t.bigInteger('freed_appointment_id').references('id').inTable('appointment_entities').onDelete('SET NULL');
    t.string('status', 10).notNullable().defaultTo('OPEN').checkIn(['OPEN', 'TAKEN', 'GONE'], 'chk_waitlist_offer_status');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`CREATE INDEX idx_waitlist_offer_open ON waitlist_offers (date) WHERE status = 'OPEN'`);

  await knex.schema.createTable('recalls', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('patient_id').notNullable().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.bigInteger('doctor_id').references('id').inTable('doctor_entities').onDelete('SET NULL');
    t.date('due_date').notNullable();
    t.string('reason', 500);
    t.bigInteger('source_appointment_id').references('id').inTable('appointment_entities').onDelete('SET NULL');
    t.string('status', 10).notNullable().defaultTo('DUE').checkIn(['DUE', 'BOOKED', 'DISMISSED'], 'chk_recall_status');
    t.bigInteger('booked_appointment_id').references('id').inTable('appointment_entities').onDelete('SET NULL');
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`CREATE INDEX idx_recalls_due ON recalls (due_date) WHERE status = 'DUE'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('recalls');
  await knex.schema.dropTable('waitlist_offers');
  await knex.schema.dropTable('waitlist_entries');
}
