import type { Knex } from 'knex';

// Why (issue 17): a patient who replies STOP has what was waiting for them on that channel
// SKIPPED; when they reply START (or consent at the desk) their upcoming appointments are planned
// again by the same function the booking trigger uses. Planning again meets those rows on their
// idempotency keys, so the function now queues again a SKIPPED row as it already did a
// CANCELLED one: neither was ever handed to a provider (the sender ends a row SKIPPED or
// CANCELLED only from QUEUED), so queueing it again cannot send anything twice. The row takes the
// patient's channel and language as they are now, and what was rendered for the old ones is
// dropped (drawn again at send), as a re-planned QUEUED row is. `down` puts 20261203400000's
// body back.

const queueFunction = (onConflict: string) => `
    CREATE OR REPLACE FUNCTION patient_messages_queue(a appointment_entities, k text, due timestamptz, s messaging_settings) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
      ch text;
      lang text;
    BEGIN
      IF NOT (k = ANY (s.enabled_kinds)) THEN RETURN; END IF;
      IF EXISTS (SELECT 1 FROM message_kind_switches w WHERE w.kind = k AND (w.doctor_id = a.doctor_id OR w.patient_id = a.patient_id)) THEN RETURN; END IF;
      SELECT p.channel, p.language INTO ch, lang FROM patient_message_prefs p WHERE p.patient_id = a.patient_id;
      ch := COALESCE(ch, s.default_channel);
      lang := COALESCE(lang, s.default_language);
      -- The patient asked for no messages.
      IF ch = 'NONE' THEN RETURN; END IF;
      -- Opted out of the channel (STOP), or WhatsApp without the opt-in its rules require.
      IF EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = a.patient_id AND c.channel = ch AND c.withdrawn_at IS NOT NULL)
         OR (ch = 'WHATSAPP' AND NOT EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = a.patient_id AND c.channel = ch AND c.given_at IS NOT NULL)) THEN
        RETURN;
      END IF;
      INSERT INTO patient_messages (appointment_id, patient_id, doctor_id, kind, channel, language, due_at, idempotency_key)
      VALUES (a.id, a.patient_id, a.doctor_id, k, ch, lang, due, a.id || ':' || k || ':' || floor(extract(epoch FROM due))::bigint)
${onConflict}
    END;
    $$;
  `;

const BEFORE = `      -- The same reminder planned again (moved away and back): the cancelled row, never sent, is queued again.
      ON CONFLICT (idempotency_key) DO UPDATE SET status = 'QUEUED', error = NULL, updated_at = now() WHERE patient_messages.status = 'CANCELLED';`;

const AFTER = `      -- The same message planned again (moved away and back, or the patient opted in again): the row, never sent, is queued again.
      ON CONFLICT (idempotency_key) DO UPDATE
        SET status = 'QUEUED', error = NULL, channel = EXCLUDED.channel, language = EXCLUDED.language,
            template_id = NULL, subject = NULL, body = NULL, to_address = NULL, next_attempt_at = NULL, updated_at = now()
        WHERE patient_messages.status IN ('CANCELLED', 'SKIPPED');`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(AFTER));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(queueFunction(BEFORE));
}
