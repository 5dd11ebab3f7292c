import type { Knex } from 'knex';

// Why: the desk runs the day, not just the calendar.
// - checked_in_at: "arrived" is a check-in time on a SCHEDULED appointment (the seed's status
//   list stays as it is); completed_at and the check-in give real consultation lengths.
// - token_no: the queue number a patient is called by, unique per doctor and day.
// - is_walk_in, booked_by, override_reason: who booked, and why a booking outside the
//   doctor's hours was allowed (a DOCTOR or ADMIN must give one).
// - cancel_reason: a cancellation always says why.
// - appointment_history: every booking, move, check-in and status change with who and when,
//   so a mistaken change can be undone by its author and the day can be reconstructed.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.timestamp('checked_in_at', { useTz: true });
    t.timestamp('completed_at', { useTz: true });
    t.smallint('token_no');
    t.boolean('is_walk_in').notNullable().defaultTo(false);
    t.bigInteger('booked_by');
    t.text('override_reason');
    t.text('cancel_reason');
  });
  await knex.raw(`
    CREATE UNIQUE INDEX uq_appointment_token ON appointment_entities (doctor_id, appointment_date, token_no)
      WHERE token_no IS NOT NULL;
    ALTER TABLE appointment_entities
      ADD CONSTRAINT chk_appointment_cancel_reason CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL) NOT VALID;
  `);
  await knex.schema.createTable('appointment_history', (t) => {
    t.bigIncrements('id');
    t.bigInteger('appointment_id').notNullable();
    t.string('kind', 20).notNullable().checkIn(['BOOKED', 'RESCHEDULED', 'CHECKED_IN', 'STATUS', 'UNDONE'], 'chk_history_kind');
    t.string('from_status', 20);
    t.string('to_status', 20);
    t.jsonb('detail');
    t.text('reason');
    t.bigInteger('changed_by');
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('undone_at', { useTz: true });
    t.foreign('appointment_id', 'fk_history_appointment').references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.index(['appointment_id', 'id'], 'idx_history_appointment');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('appointment_history');
  await knex.raw(`
    ALTER TABLE appointment_entities DROP CONSTRAINT chk_appointment_cancel_reason;
    DROP INDEX uq_appointment_token;
  `);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.dropColumns('cancel_reason', 'override_reason', 'booked_by', 'is_walk_in', 'token_no', 'completed_at', 'checked_in_at');
  });
}
