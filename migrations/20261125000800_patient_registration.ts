import type { Knex } from 'knex';

// Why:
// - Many patients, walk-ins and the elderly above all, have no email. The seed requires one;
//   inventing placeholder addresses would be data made up, so the column becomes optional.
//   It stays UNIQUE (PostgreSQL lets any number of rows leave it NULL).
// - Search as you type for one or two letters matches the start of the name; trigrams need
//   three letters, so a btree over lower(name) serves those short prefixes without a scan.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE patient_entities ALTER COLUMN email DROP NOT NULL;
    CREATE INDEX idx_patient_name_prefix ON patient_entities (lower(name) text_pattern_ops);
  `);
}

export async function down(knex: Knex): Promise<void> {
  const row = await knex('patient_entities').whereNull('email').count<{ n: number }[]>({ n: '*' }).first();
  if (Number(row?.n ?? 0) > 0) {
    throw new Error(`Cannot roll back: ${row?.n} patient(s) have no email. Add their emails first.`);
  }
  await knex.raw(`
    DROP INDEX idx_patient_name_prefix;
    ALTER TABLE patient_entities ALTER COLUMN email SET NOT NULL;
  `);
}
