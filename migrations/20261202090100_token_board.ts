import type { Knex } from 'knex';

// Why: the waiting room's token display (issue 21) shows each doctor's called token and the
// next few, and must never show a full name. board_names is the clinic's choice of what it may
// show beside a token: nothing (the default) or initials. A doctor's room, optional, is shown
// with their tokens so patients know where to go.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.string('board_names', 10).notNullable().defaultTo('NONE').checkIn(['NONE', 'INITIALS'], 'chk_settings_board_names');
  });
  await knex.schema.alterTable('doctor_entities', (t) => {
    t.string('room', 40);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('doctor_entities', (t) => {
    t.dropColumn('room');
  });
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.dropChecks(['chk_settings_board_names']);
    t.dropColumn('board_names');
  });
}
