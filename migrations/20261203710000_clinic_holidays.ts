import type { Knex } from 'knex';

// Why (issue 16): the clinic closes on public holidays, and until now only each doctor's leave
// could say so, one doctor and one day at a time. A holiday is the clinic's, whole days only:
// expanding a weekly pattern passes over it, and a booking on it is refused by name. One row a
// date (an imported list and a hand-added day meet on the date, so importing twice adds nothing).
// Every desk's schedule shows the holidays, so the table notifies like the others.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clinic_holidays', (t) => {
    t.bigIncrements('id').primary();
    t.date('date').notNullable().unique('uq_clinic_holiday_date');
    t.string('name', 100).notNullable();
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`ALTER TABLE clinic_holidays ADD CONSTRAINT chk_clinic_holiday_name CHECK (length(btrim(name)) > 0)`);
  await knex.raw(
    `CREATE TRIGGER trg_clinic_holidays_notify AFTER INSERT OR UPDATE OR DELETE ON clinic_holidays FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('clinic_holidays');
}
