import type { Knex } from 'knex';

// Why: the receptionist finds a patient as they type, by any part of a name, phone or email.
// Trigram GIN indexes serve ILIKE '%fragment%' and similarity() without scanning the table.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX idx_patient_name_trgm ON patient_entities USING gin (name gin_trgm_ops);
    CREATE INDEX idx_patient_phone_trgm ON patient_entities USING gin (phone gin_trgm_ops);
    CREATE INDEX idx_patient_email_trgm ON patient_entities USING gin (email gin_trgm_ops);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX idx_patient_email_trgm;
    DROP INDEX idx_patient_phone_trgm;
    DROP INDEX idx_patient_name_trgm;
  `);
}
