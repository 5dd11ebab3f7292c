import type { Knex } from 'knex';

// Why (issue 21): whether the token display says each call aloud was a flag in the display's
// address, so every TV had to be opened with it and nobody could see or change it later. It is
// the clinic's choice, kept beside board_names (what the display may show beside a token) and
// read by every display with the board. Clinics keep today's behaviour: silent unless asked.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE clinic_settings ADD COLUMN board_speaks boolean NOT NULL DEFAULT false`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE clinic_settings DROP COLUMN board_speaks`);
}
