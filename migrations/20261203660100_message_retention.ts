import type { Knex } from 'knex';

// Why (issue 17): an outbox row keeps what was said and to whom (the rendered text, the phone
// number or e-mail address, the desk's notice, a join or payment link, the provider's wording of
// a failure, which quotes the address) for as long as the row lives, which was forever. The
// retention job now clears those once a message is settled and older than a clinic-level
// setting, keeping the row itself (see clearOldMessageContents for why the row stays):
// - messaging_settings.message_retention_days: how long, default a year; at least 90 days,
//   because a reply is matched to the latest message sent to its number.
// - patient_messages.contents_cleared_at: when a row's contents were cleared, so a cleared row
//   reads as cleared (not as one never rendered) and the job passes over it next time.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE messaging_settings ADD COLUMN message_retention_days integer NOT NULL DEFAULT 365
      CONSTRAINT chk_messaging_retention CHECK (message_retention_days BETWEEN 90 AND 3650)`);
  await knex.raw(`ALTER TABLE patient_messages ADD COLUMN contents_cleared_at timestamptz`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE patient_messages DROP COLUMN contents_cleared_at`);
  await knex.raw(`ALTER TABLE messaging_settings DROP COLUMN message_retention_days`);
}
