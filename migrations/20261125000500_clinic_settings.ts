import type { Knex } from 'knex';

// Why: appointment times are the clinic's wall-clock time in one configured zone, slots have a
// default length, and money a default currency; every PC must read the same values. One row,
// typed columns (not key/value strings), so the database checks what it can.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clinic_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.string('clinic_name', 200).notNullable().defaultTo('');
    t.text('clinic_address').notNullable().defaultTo('');
    t.string('time_zone', 64).notNullable().defaultTo('UTC');
    t.smallint('default_slot_minutes').notNullable().defaultTo(15);
    t.string('currency', 3).notNullable().defaultTo('INR');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('updated_by');
  });
  await knex.raw(`
    ALTER TABLE clinic_settings
      ADD CONSTRAINT chk_settings_single_row CHECK (id = 1),
      ADD CONSTRAINT chk_settings_slot CHECK (default_slot_minutes BETWEEN 5 AND 240),
      ADD CONSTRAINT chk_settings_currency CHECK (currency ~ '^[A-Z]{3}$'),
      ADD CONSTRAINT chk_settings_time_zone CHECK (length(time_zone) > 0);
  `);
  await knex('clinic_settings').insert({ id: 1 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('clinic_settings');
}
