import type { Knex } from 'knex';

// Why: for a single-PC clinic on the embedded database the daily backup is the only other copy
// of its data, so the schedule (time, target folder, how many to keep) is clinic data an ADMIN
// sets once, and every attempt is recorded: a failed one must warn ADMINs until one succeeds.
// scheduled_slot is unique so that, with several PCs on one server, one PC takes each slot.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('backup_schedule', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.boolean('enabled').notNullable().defaultTo(false);
    t.specificType('time_of_day', 'time').notNullable().defaultTo('20:00');
    t.text('folder').notNullable().defaultTo('');
    t.smallint('keep_last').notNullable().defaultTo(14);
    t.timestamp('updated_at', { useTz: true });
    t.bigInteger('updated_by').references('id').inTable('users').onDelete('SET NULL');
  });
  await knex.raw(`
    ALTER TABLE backup_schedule
      ADD CONSTRAINT chk_backup_schedule_single_row CHECK (id = 1),
      ADD CONSTRAINT chk_backup_schedule_keep CHECK (keep_last BETWEEN 1 AND 365),
      ADD CONSTRAINT chk_backup_schedule_folder CHECK (NOT enabled OR length(folder) > 0);
  `);
  await knex('backup_schedule').insert({ id: 1 });

  await knex.schema.createTable('backup_runs', (t) => {
    t.bigIncrements('id');
    t.string('trigger', 16).notNullable();
    t.string('scheduled_slot', 16).unique();
    t.string('workstation', 200).notNullable().defaultTo('');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.boolean('ok');
    t.text('file');
    t.bigInteger('bytes');
    t.text('message');
  });
  await knex.raw(`
    ALTER TABLE backup_runs
      ADD CONSTRAINT chk_backup_runs_trigger CHECK (trigger IN ('SCHEDULED', 'MANUAL', 'COMMAND_LINE')),
      ADD CONSTRAINT chk_backup_runs_finished CHECK ((finished_at IS NULL) = (ok IS NULL));
    CREATE INDEX idx_backup_runs_started ON backup_runs (started_at DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('backup_runs');
  await knex.schema.dropTable('backup_schedule');
}
