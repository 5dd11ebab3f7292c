import type { Knex } from 'knex';

// Why: a doctor who leaves keeps their history (appointments, payments, audit), so a profile
// is deactivated, never deleted once it has appointments; `active` hides it from booking.
// The seed's fee, experience and rating have no bounds; a negative fee or a rating of 7 would
// be nonsense on a receipt or a profile. The checks are NOT VALID: they hold for every new or
// changed row without rejecting the upgrade of a database that already holds odd values
// (those are for an administrator to correct, never for a migration to rewrite).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('doctor_entities', (t) => {
    t.boolean('active').notNullable().defaultTo(true);
  });
  await knex.raw(`
    ALTER TABLE doctor_entities
      ADD CONSTRAINT chk_doctor_fee CHECK (consultation_fee >= 0) NOT VALID,
      ADD CONSTRAINT chk_doctor_experience CHECK (experience BETWEEN 0 AND 80) NOT VALID,
      ADD CONSTRAINT chk_doctor_rating CHECK (rating BETWEEN 0 AND 5) NOT VALID;
    CREATE UNIQUE INDEX idx_doctor_email_lower ON doctor_entities (lower(email));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX idx_doctor_email_lower;
    ALTER TABLE doctor_entities
      DROP CONSTRAINT chk_doctor_rating,
      DROP CONSTRAINT chk_doctor_experience,
      DROP CONSTRAINT chk_doctor_fee;
  `);
  await knex.schema.alterTable('doctor_entities', (t) => {
    t.dropColumn('active');
  });
}
