import type { Knex } from 'knex';

// Why:
// - clinic_settings.phone_country: a phone typed without a country code ("98450 11224") is read
//   as a national number of this country (ISO 3166 alpha-2) and stored in E.164. NULL means "the
//   country of the clinic's time zone", so a clinic that never opens the setting still gets it.
// - clinic_settings.receipt_paper: receipts print on the clinic's paper, A5, A4 or an 80 mm
//   thermal roll (the day-end summary is always A4).
// - payments.advance: money taken beyond what is due, which the desk must mark as an advance
//   with its reason (in note); everything else is refused above what is due.
// - payments.receipt_*: a numbered receipt never changes. What it printed (patient, doctor,
//   clinic header) is copied into the payment in the transaction that issues its number, so a
//   reprint after a patient, doctor or clinic is renamed still shows what the patient took
//   home. Rows numbered before this version get today's names: the best that is known. Rows
//   that break the desk-payment rules (20261125001200, NOT VALID there) are left alone, since
//   writing them would re-check those rules; their receipts keep printing the current names.

const FROZEN = [
  'receipt_patient_name',
  'receipt_patient_phone',
  'receipt_doctor_name',
  'receipt_doctor_specialization',
  'receipt_clinic_name',
  'receipt_clinic_address',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.string('phone_country', 2);
    t.string('receipt_paper', 8).notNullable().defaultTo('A5');
  });
  await knex.raw(`
    ALTER TABLE clinic_settings
      ADD CONSTRAINT chk_settings_phone_country CHECK (phone_country ~ '^[A-Z]{2}$'),
      ADD CONSTRAINT chk_settings_receipt_paper CHECK (receipt_paper IN ('A4', 'A5', '80MM'));
  `);
  await knex.schema.alterTable('payments', (t) => {
    t.boolean('advance').notNullable().defaultTo(false);
    for (const column of FROZEN) t.text(column);
  });
  await knex.raw(`
    UPDATE payments p
       SET receipt_patient_name = pt.name, receipt_patient_phone = pt.phone,
           receipt_doctor_name = d.name, receipt_doctor_specialization = d.specialization,
           receipt_clinic_name = s.clinic_name, receipt_clinic_address = s.clinic_address
      FROM appointment_entities a
      JOIN patient_entities pt ON pt.id = a.patient_id
      JOIN doctor_entities d ON d.id = a.doctor_id
     CROSS JOIN clinic_settings s
     WHERE a.id = p.appointment_id AND s.id = 1 AND p.order_id ~ '^CD-[0-9]{4}-[0-9]+$'
       AND p.status IN ('PAID', 'REFUNDED') AND (p.payment_method IS NULL OR p.payment_method IN ('CASH', 'CARD', 'UPI'))
       AND ((p.refund_of IS NULL AND p.amount > 0) OR (p.refund_of IS NOT NULL AND p.amount < 0))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => {
    t.dropColumns('advance', ...FROZEN);
  });
  await knex.raw(`
    ALTER TABLE clinic_settings
      DROP CONSTRAINT chk_settings_receipt_paper,
      DROP CONSTRAINT chk_settings_phone_country;
  `);
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.dropColumns('receipt_paper', 'phone_country');
  });
}
