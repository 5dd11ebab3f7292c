import type { Knex } from 'knex';

// Why (issue 16): the desk speaks English or Hindi, chosen per person, not per PC: a doctor who
// reads English and a receptionist who prefers Hindi share one front-desk PC. The choice is a
// column of the user's own row (read with the row on every call anyway), so it comes back with
// the session and the desk starts in it on any PC. Existing users keep English.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en'
      CONSTRAINT users_language_known CHECK (language IN ('en', 'hi'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE users DROP COLUMN language`);
}
