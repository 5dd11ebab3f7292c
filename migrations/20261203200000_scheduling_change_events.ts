import type { Knex } from 'knex';

// Why (issue 20, desk side): an offer of freed time must appear on every PC's waitlist screen
// as it is made, and a recall booked or dismissed at one desk must leave the others' lists. The
// waitlist, its offers, the recalls and the appointment types (with the doctors offering them)
// notify through the same function and compact ids-only payload as every other table.

const TABLES = ['waitlist_entries', 'waitlist_offers', 'recalls', 'appointment_types', 'doctor_appointment_types'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`CREATE TRIGGER ?? AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`, [
      `trg_${table}_notify`,
      table,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) await knex.raw('DROP TRIGGER ?? ON ??', [`trg_${table}_notify`, table]);
}
