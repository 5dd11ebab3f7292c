import type { Knex } from 'knex';

// Why: failed sign-ins were counted per typed email alone, so five wrong guesses typed on any PC
// locked that account everywhere (an admin's included, and anyone's locked screen was then
// signed out). Counting per email *and* workstation, plus one row per workstation for all of the
// emails typed there (email ''), lets a stranger slow down only the PC they are typing at.

export async function up(knex: Knex): Promise<void> {
  // Running counts are minutes-long and keyed the old way: they are dropped, not converted.
  await knex.raw(`
    DELETE FROM login_throttle;
    ALTER TABLE login_throttle ADD COLUMN workstation varchar(255) NOT NULL DEFAULT '';
    ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey;
    ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_pkey PRIMARY KEY (email, workstation);
  `);
}

export async function down(knex: Knex): Promise<void> {
  // The older table has room for one row per email: the per-workstation counts cannot go back.
  await knex.raw(`
    DELETE FROM login_throttle;
    ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey;
    ALTER TABLE login_throttle DROP COLUMN workstation;
    ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_pkey PRIMARY KEY (email);
  `);
}
