import type { Knex } from 'knex';

// Why (issue 15 §2): a screen decides from a change alone what it must read again. An
// appointment moved to another doctor or day empties a column or day it no longer names, so
// an UPDATE's notification now also carries the row's doctor_id and date before it
// (old_doctor_id, old_date; null on INSERT and DELETE). Doctors, user accounts and the
// clinic settings notify too, with the same compact ids-only payload (no names, no password
// hash: the function reads the row but sends only keys). The seed-era function is replaced,
// not edited in place; `down` puts its original body back.

const NEW_TABLES = ['doctor_entities', 'users', 'clinic_settings'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION clinic_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
      o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
    BEGIN
      PERFORM pg_notify('clinic_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'op', TG_OP,
        'id', (r ->> 'id')::bigint,
        'doctor_id', (r ->> 'doctor_id')::bigint,
        'patient_id', (r ->> 'patient_id')::bigint,
        'appointment_id', (r ->> 'appointment_id')::bigint,
        'date', COALESCE(r ->> 'appointment_date', r ->> 'date'),
        'old_doctor_id', (o ->> 'doctor_id')::bigint,
        'old_date', COALESCE(o ->> 'appointment_date', o ->> 'date')
      )::text);
      RETURN NULL;
    END;
    $$;
  `);
  for (const table of NEW_TABLES) {
    await knex.raw(`CREATE TRIGGER ?? AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`, [
      `trg_${table}_notify`,
      table,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of NEW_TABLES) {
    await knex.raw('DROP TRIGGER ?? ON ??', [`trg_${table}_notify`, table]);
  }
  // The function as 20261125000600_change_notifications created it.
  await knex.raw(`
    CREATE OR REPLACE FUNCTION clinic_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
}
