import type { Knex } from 'knex';

// Why (issue 23): the day view and Today name the patient of every appointment of the day,
// some 500 lookups of a patient's name and phone by id. Through the primary key each lookup
// reads a page of the patient table, which at a million patients is larger than the server's
// shared buffers, so the day's lookups were random reads. With name and phone in an index of
// their own the lookups are index-only (the table's pages are not read once VACUUM has marked
// them all-visible), and that index is a fraction of the table's size, so it stays cached.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX idx_patient_display ON patient_entities (id) INCLUDE (name, phone)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS idx_patient_display');
}
