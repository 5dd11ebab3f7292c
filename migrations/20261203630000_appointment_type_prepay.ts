import type { Knex } from 'knex';

// Why: teleconsultation prepay per appointment type (issue 19). A clinic may ask payment first
// for one kind of video consultation and not another; the clinic-wide setting
// (payment_settings.teleconsult_prepay) stays for appointments booked without a type.
// - appointment_types.prepay_required: a video appointment of this type gets its payment link at
//   booking (through the messaging outbox), and its join page admits the patient once paid. The
//   type's setting wins over the clinic's for appointments of that type.
// - Only a VIDEO type can ask it: an in-person visit has no join page to hold the patient at.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('appointment_types', (t) => {
    t.boolean('prepay_required').notNullable().defaultTo(false);
  });
  await knex.raw(`ALTER TABLE appointment_types ADD CONSTRAINT chk_appointment_type_prepay CHECK (NOT prepay_required OR mode = 'VIDEO')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE appointment_types DROP CONSTRAINT chk_appointment_type_prepay`);
  await knex.schema.alterTable('appointment_types', (t) => {
    t.dropColumn('prepay_required');
  });
}
