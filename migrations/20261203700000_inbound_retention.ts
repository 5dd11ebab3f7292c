import type { Knex } from 'knex';

// Why (issue 17): a patient's reply keeps what they wrote and the number they wrote from for as
// long as the row lives, which was forever; the retention that clears settled outgoing messages
// after the clinic's message_retention_days now clears those too, once the reply is settled
// (its command carried out, or the desk has handled it). The row stays for the audit: which
// appointment it confirmed or cancelled, the action, when it came and who handled it.
// - inbound_messages.body and from_address may be NULL, but only on a cleared row (the check).
// - inbound_messages.contents_cleared_at: when, so a cleared reply reads as cleared and the job
//   passes over it next time.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE inbound_messages
      ALTER COLUMN body DROP NOT NULL,
      ALTER COLUMN from_address DROP NOT NULL,
      ADD COLUMN contents_cleared_at timestamptz,
      ADD CONSTRAINT chk_inbound_cleared CHECK (contents_cleared_at IS NOT NULL OR (body IS NOT NULL AND from_address IS NOT NULL))`);
}

export async function down(knex: Knex): Promise<void> {
  // The older schema needs a text and a number on every row: a cleared reply gets empty ones.
  await knex.raw(`UPDATE inbound_messages SET body = COALESCE(body, ''), from_address = COALESCE(from_address, '') WHERE contents_cleared_at IS NOT NULL`);
  await knex.raw(`
    ALTER TABLE inbound_messages
      DROP CONSTRAINT chk_inbound_cleared,
      DROP COLUMN contents_cleared_at,
      ALTER COLUMN body SET NOT NULL,
      ALTER COLUMN from_address SET NOT NULL`);
}
