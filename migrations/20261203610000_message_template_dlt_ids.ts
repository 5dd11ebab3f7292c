import type { Knex } from 'knex';

// Why (issue 17): India's operators match an SMS on its DLT pair, the principal entity id and
// the content template id, each the 19 digits TRAI's DLT portals issue. The contract checks
// them at save; this constraint keeps the table to the same rule whatever writes it: both or
// neither, digits of that length, and only on SMS templates (WhatsApp and e-mail have none).
// NOT VALID: a pair saved under the older, looser check stays until that template is next
// saved, when it must meet the rule; nothing already sending is broken by the upgrade.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE message_templates ADD CONSTRAINT chk_template_dlt_ids CHECK (
      (dlt_entity_id IS NULL) = (dlt_template_id IS NULL)
      AND (dlt_entity_id IS NULL OR (channel = 'SMS' AND dlt_entity_id ~ '^[0-9]{19}$' AND dlt_template_id ~ '^[0-9]{19}$'))
    ) NOT VALID`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE message_templates DROP CONSTRAINT chk_template_dlt_ids`);
}
