import type { Knex } from 'knex';
import { AppError } from '../main/shared/app-error';
import { normalisePhone } from '../main/patients/phone';
import { phoneCountryOf } from '../main/settings/phone-country';

// Why: phones typed without a country code were stored as typed ("9845011224"), so a search or
// a duplicate check by "+91 98450 11224" missed them. New numbers are stored in E.164 (read as
// national numbers of the clinic's country); this brings the existing ones in line. A number
// that does not parse ("12345") is left exactly as it is, for the desk to correct.
// patient_phones_before_e164 keeps every number this migration looked at, as typed: what it
// changed (stored_as) and what it left alone (stored_as NULL, the report of numbers to fix,
// also written to the audit log). down() puts the typed numbers back from it.
// The duplicate check at registration looks for the same phone (the trigram index answers =)
// or the same birth date: idx_patient_date_of_birth keeps that an index lookup, not a scan of
// every patient at each registration.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('patient_phones_before_e164', (t) => {
    t.bigInteger('patient_id').primary();
    t.string('phone_as_typed', 255).notNullable();
    t.string('stored_as', 255);
  });
  await knex.raw('CREATE INDEX idx_patient_date_of_birth ON patient_entities (date_of_birth)');
  const settings = await knex('clinic_settings').where({ id: 1 }).first('phone_country', 'time_zone');
  const country = phoneCountryOf({ phoneCountry: settings?.phone_country ?? null, timeZone: settings?.time_zone ?? 'UTC' });
  const rows: { id: number; phone: string }[] = await knex('patient_entities')
    .whereNotNull('phone')
    .whereNot('phone', 'like', '+%')
    .select('id', 'phone')
    .orderBy('id');
  const looked = rows.map((r) => ({ patient_id: r.id, phone_as_typed: r.phone, stored_as: e164(r.phone, country) }));
  for (let i = 0; i < looked.length; i += 500) await knex('patient_phones_before_e164').insert(looked.slice(i, i + 500));
  await knex.raw(`
    UPDATE patient_entities p SET phone = b.stored_as
      FROM patient_phones_before_e164 b
     WHERE b.patient_id = p.id AND b.stored_as IS NOT NULL`);
  if (looked.length > 0) {
    const leftAsTyped = looked.filter((r) => r.stored_as === null).map((r) => r.patient_id);
    await knex('audit_log').insert({
      action: 'migration.patientPhonesE164',
      entity: 'patient',
      outcome: 'OK',
      detail: JSON.stringify({ country, normalised: looked.length - leftAsTyped.length, leftAsTyped }),
    });
  }
}

function e164(phone: string, country: ReturnType<typeof phoneCountryOf>): string | null {
  try {
    return normalisePhone(phone, country);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE patient_entities p SET phone = b.phone_as_typed
      FROM patient_phones_before_e164 b
     WHERE b.patient_id = p.id AND b.stored_as IS NOT NULL AND p.phone = b.stored_as`);
  await knex.schema.dropTable('patient_phones_before_e164');
  await knex.raw('DROP INDEX idx_patient_date_of_birth');
}
