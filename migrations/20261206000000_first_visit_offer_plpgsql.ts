import type { Knex } from 'knex';
import { FIRST_VISIT_OFFER_V1 } from './20261203720000_patient_first_visits';

// Why (issue 23): every booking's trigger offers the patient's first visit through this function.
// Written in SQL, PostgreSQL parsed and planned its statement at every call (a SQL function's plan
// lives only as long as the statement that calls it); in PL/pgSQL the plan is kept for the
// session, as the trigger's own statements are. The same statement, so the same locking.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION patient_first_visit_offer(patient bigint, visit date) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO patient_first_visits (patient_id, first_visit) VALUES (patient, visit)
      ON CONFLICT (patient_id) DO UPDATE SET first_visit = EXCLUDED.first_visit
       WHERE patient_first_visits.first_visit > EXCLUDED.first_visit;
    END $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(FIRST_VISIT_OFFER_V1);
}
