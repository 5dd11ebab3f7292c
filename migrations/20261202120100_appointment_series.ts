import type { Knex } from 'knex';

// Why (issue 20): a recurring series ("every Tuesday for 12 weeks") is booked as one
// transaction, and later cancelled or moved as this, this and following, or all. The series
// row keeps the rule it was booked from (an RFC 5545 RRULE, as the rrule package writes it);
// its appointments point at it. An occurrence the desk skipped simply has no appointment, and
// one booked at another time is still of the series. Deleting a series is never needed (they
// are cancelled), so appointments keep it: ON DELETE RESTRICT.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appointment_series', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('patient_id').notNullable().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.bigInteger('doctor_id').notNullable().references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.bigInteger('appointment_type_id').references('id').inTable('appointment_types').onDelete('RESTRICT');
    t.text('rule').notNullable();
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.bigInteger('series_id').references('id').inTable('appointment_series').onDelete('RESTRICT');
  });
  await knex.raw(`CREATE INDEX idx_appointment_series ON appointment_entities (series_id, appointment_date) WHERE series_id IS NOT NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX IF EXISTS idx_appointment_series`);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.dropColumn('series_id');
  });
  await knex.schema.dropTable('appointment_series');
}
