import type { Knex } from 'knex';

// Why: the waiting room (issue 21) runs on stages, not only on "checked in" and "completed".
// - called_at, consult_started_at: the stamps of "called" and "with the doctor" (arrived is
//   checked_in_at, done is completed_at). Nullable columns on the appointment rather than a stage
//   table: a patient is in one stage at a time, every read of the queue needs the current one, and
//   the trail of every change (who, when, undone or not) is already appointment_history's job.
// - skipped_at: "skip / recall later" — the token keeps its number but is called after the others.
// - priority, priority_reason: an emergency or priority token goes first, always with a reason.
// - uq_appointment_called: at most one patient per doctor's day is "called" and not yet with the
//   doctor, so two clicks on "Call next" can never call two patients — the database refuses it.
// - history kinds STAGE and PRIORITY: each stage change and priority is recorded with who and why.
const KINDS = ['BOOKED', 'RESCHEDULED', 'CHECKED_IN', 'STATUS', 'UNDONE'];

async function historyKinds(knex: Knex, kinds: readonly string[]): Promise<void> {
  await knex.raw(`ALTER TABLE appointment_history DROP CONSTRAINT chk_history_kind`);
  // DDL takes no bind parameters; the kinds are this file's own constants.
  await knex.raw(`ALTER TABLE appointment_history ADD CONSTRAINT chk_history_kind CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.timestamp('called_at', { useTz: true });
    t.timestamp('consult_started_at', { useTz: true });
    t.timestamp('skipped_at', { useTz: true });
    t.string('priority', 20).checkIn(['EMERGENCY', 'ELDERLY', 'PREGNANT', 'CHILD'], 'chk_appointment_priority');
    t.text('priority_reason');
  });
  await knex.raw(`
    ALTER TABLE appointment_entities
      ADD CONSTRAINT chk_appointment_priority_reason CHECK (priority IS NULL OR priority_reason IS NOT NULL);
    CREATE UNIQUE INDEX uq_appointment_called ON appointment_entities (doctor_id, appointment_date)
      WHERE called_at IS NOT NULL AND consult_started_at IS NULL AND status = 'SCHEDULED';
    CREATE INDEX idx_appointment_stage_stamps ON appointment_entities (doctor_id, appointment_date)
      WHERE consult_started_at IS NOT NULL AND completed_at IS NOT NULL;
  `);
  await historyKinds(knex, [...KINDS, 'STAGE', 'PRIORITY']);
}

export async function down(knex: Knex): Promise<void> {
  await knex('appointment_history').whereIn('kind', ['STAGE', 'PRIORITY']).del();
  await historyKinds(knex, KINDS);
  await knex.raw(`
    DROP INDEX idx_appointment_stage_stamps;
    DROP INDEX uq_appointment_called;
    ALTER TABLE appointment_entities DROP CONSTRAINT chk_appointment_priority_reason;
  `);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.dropChecks(['chk_appointment_priority']);
    t.dropColumns('priority_reason', 'priority', 'skipped_at', 'consult_started_at', 'called_at');
  });
}
