import type { Knex } from 'knex';

// Why: several PCs show the same schedule. Each change to appointments, availability,
// patients or payments sends a compact NOTIFY on channel clinic_changes; every app LISTENs and
// refetches what it shows. Only ids and keys travel (never names or notes: patient data has
// no business on a notification channel), and the payload stays far below NOTIFY's 8000 bytes.

const TABLES = ['appointment_entities', 'doctor_availabilities', 'patient_entities', 'payments'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION clinic_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    BEGIN
      PERFORM pg_notify('clinic_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'op', TG_OP,
        'id', (r ->> 'id')::bigint,
        'doctor_id', (r ->> 'doctor_id')::bigint,
        'patient_id', (r ->> 'patient_id')::bigint,
        'appointment_id', (r ->> 'appointment_id')::bigint,
        'date', COALESCE(r ->> 'appointment_date', r ->> 'date')
      )::text);
      RETURN NULL;
    END;
    $$;
  `);
  for (const table of TABLES) {
    await knex.raw(`CREATE TRIGGER ?? AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`, [
      `trg_${table}_notify`,
      table,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw('DROP TRIGGER ?? ON ??', [`trg_${table}_notify`, table]);
  }
  await knex.raw('DROP FUNCTION clinic_notify_change()');
}
