import type { Knex } from 'knex';

// A later migration puts it back as it was when it goes down.
export const FIRST_VISIT_OFFER_V1 = `
    CREATE OR REPLACE FUNCTION patient_first_visit_offer(patient bigint, visit date) RETURNS void LANGUAGE sql AS $$
      INSERT INTO patient_first_visits (patient_id, first_visit) VALUES (patient, visit)
      ON CONFLICT (patient_id) DO UPDATE SET first_visit = EXCLUDED.first_visit
       WHERE patient_first_visits.first_visit > EXCLUDED.first_visit
    $$`;

// Why (issue 22): "new vs returning" asks, for every patient seen in a range, whether they had a
// visit (any appointment not cancelled, any doctor) before it. Asked of the appointments, that is
// one index probe per patient, and a year of a clinic chain is most of a million probes. Each
// patient's first visit is kept here instead, by the appointments' own trigger, so the report
// joins one narrow table. It is derived data: the appointments stay the record, and the
// migration fills it from them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('patient_first_visits', (t) => {
    t.bigInteger('patient_id').primary().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.date('first_visit').notNullable();
  });
  // Also what a bulk load that bypasses triggers (the bench's, as pg_restore does) calls after.
  await knex.raw(`
    CREATE FUNCTION patient_first_visits_rebuild() RETURNS void LANGUAGE sql AS $$
      DELETE FROM patient_first_visits;
      INSERT INTO patient_first_visits (patient_id, first_visit)
      SELECT patient_id, min(appointment_date) FROM appointment_entities WHERE status <> 'CANCELLED' GROUP BY patient_id;
    $$`);
  await knex.raw('SELECT patient_first_visits_rebuild()');
  // A visit that may be earlier is offered with LEAST semantics; the row is locked either way, so a
  // concurrent recount waits for it. When the visit that was the first goes (cancelled, moved,
  // deleted), the row is locked first and the minimum read after, in its own statement, so a
  // booking committed meanwhile is seen.
  await knex.raw(FIRST_VISIT_OFFER_V1);
  await knex.raw(`
    CREATE FUNCTION patient_first_visit_recount(patient bigint, gone date) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      first date;
    BEGIN
      PERFORM 1 FROM patient_first_visits WHERE patient_id = patient AND first_visit = gone FOR UPDATE;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      SELECT min(appointment_date) INTO first FROM appointment_entities WHERE patient_id = patient AND status <> 'CANCELLED';
      IF first IS NULL THEN
        DELETE FROM patient_first_visits WHERE patient_id = patient;
      ELSE
        UPDATE patient_first_visits SET first_visit = first WHERE patient_id = patient;
      END IF;
    END $$`);
  await knex.raw(`
    CREATE FUNCTION patient_first_visits_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' AND OLD.status <> 'CANCELLED' THEN
        PERFORM patient_first_visit_recount(OLD.patient_id, OLD.appointment_date);
      END IF;
      IF TG_OP <> 'DELETE' AND NEW.status <> 'CANCELLED' THEN
        PERFORM patient_first_visit_offer(NEW.patient_id, NEW.appointment_date);
      END IF;
      RETURN NULL;
    END $$`);
  await knex.raw(
    `CREATE TRIGGER trg_patient_first_visits_insert AFTER INSERT ON appointment_entities
       FOR EACH ROW WHEN (NEW.status <> 'CANCELLED') EXECUTE FUNCTION patient_first_visits_track()`,
  );
  // Only a change of who, when or whether cancelled can move a first visit: a check-in or a
  // note leaves the table alone.
  await knex.raw(
    `CREATE TRIGGER trg_patient_first_visits_update AFTER UPDATE OF patient_id, appointment_date, status ON appointment_entities
       FOR EACH ROW WHEN (OLD.patient_id IS DISTINCT FROM NEW.patient_id OR OLD.appointment_date IS DISTINCT FROM NEW.appointment_date
                          OR (OLD.status = 'CANCELLED') <> (NEW.status = 'CANCELLED'))
       EXECUTE FUNCTION patient_first_visits_track()`,
  );
  await knex.raw(
    `CREATE TRIGGER trg_patient_first_visits_delete AFTER DELETE ON appointment_entities
       FOR EACH ROW WHEN (OLD.status <> 'CANCELLED') EXECUTE FUNCTION patient_first_visits_track()`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER trg_patient_first_visits_insert ON appointment_entities');
  await knex.raw('DROP TRIGGER trg_patient_first_visits_update ON appointment_entities');
  await knex.raw('DROP TRIGGER trg_patient_first_visits_delete ON appointment_entities');
  await knex.raw('DROP FUNCTION patient_first_visits_track()');
  await knex.raw('DROP FUNCTION patient_first_visit_recount(bigint, date)');
  await knex.raw('DROP FUNCTION patient_first_visit_offer(bigint, date)');
  await knex.raw('DROP FUNCTION patient_first_visits_rebuild()');
  await knex.schema.dropTable('patient_first_visits');
}
