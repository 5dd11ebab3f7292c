import type { Knex } from 'knex';

// Why (issue 17, the desk's screens):
// - A patient may ask for no messages at all: patient_message_prefs.channel may now be 'NONE',
//   and the planning function plans nothing for such a patient (it would otherwise queue a row
//   on a channel the outbox does not know and fail the booking). The function is replaced, not
//   edited in place; `down` puts 20261202060000's body back.
// - START (or UNSTOP) opts a patient back in on the channel it arrives on: a reply may now be
//   OPTED_IN.
// - The inbox and a patient's preferences are shown on every desk and must follow changes
//   made on another PC or by a patient's reply: replies, preferences, consents and kind
//   switches notify like the other tables (ids only).

const NOTIFYING = ['inbound_messages', 'patient_message_prefs', 'patient_channel_consents', 'message_kind_switches'] as const;

// The body exactly as 20261202060000 wrote it (a function's source is compared as text), plus `noneCheck`.
const queueFunction = (noneCheck: string) => `
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
${noneCheck}      -- Opted out of the channel (STOP), or WhatsApp without the opt-in its rules require.
      IF EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = a.patient_id AND c.channel = ch AND c.withdrawn_at IS NOT NULL)
         OR (ch = 'WHATSAPP' AND NOT EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = a.patient_id AND c.channel = ch AND c.given_at IS NOT NULL)) THEN
        RETURN;
      END IF;
      INSERT INTO patient_messages (appointment_id, patient_id, doctor_id, kind, channel, language, due_at, idempotency_key)
      VALUES (a.id, a.patient_id, a.doctor_id, k, ch, lang, due, a.id || ':' || k || ':' || floor(extract(epoch FROM due))::bigint)
      -- The same reminder planned again (moved away and back): the cancelled row, never sent, is queued again.
      ON CONFLICT (idempotency_key) DO UPDATE SET status = 'QUEUED', error = NULL, updated_at = now() WHERE patient_messages.status = 'CANCELLED';
    END;
    $$;
  `;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE patient_message_prefs DROP CONSTRAINT chk_pref_channel,
      ADD CONSTRAINT chk_pref_channel CHECK (channel IN ('SMS', 'WHATSAPP', 'EMAIL', 'NONE'))
  `);
  await knex.raw(queueFunction(`      -- The patient asked for no messages.\n      IF ch = 'NONE' THEN RETURN; END IF;\n`));
  await knex.raw(`
    ALTER TABLE inbound_messages DROP CONSTRAINT chk_inbound_action,
      ADD CONSTRAINT chk_inbound_action CHECK (action IN ('CONFIRMED', 'CANCELLED', 'OPTED_OUT', 'OPTED_IN', 'INBOX'))
  `);
  for (const table of NOTIFYING) {
    await knex.raw(`CREATE TRIGGER ?? AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`, [
      `trg_${table}_notify`,
      table,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of NOTIFYING) await knex.raw('DROP TRIGGER ?? ON ??', [`trg_${table}_notify`, table]);
  await knex('inbound_messages').where({ action: 'OPTED_IN' }).update({ action: 'INBOX' });
  await knex.raw(`
    ALTER TABLE inbound_messages DROP CONSTRAINT chk_inbound_action,
      ADD CONSTRAINT chk_inbound_action CHECK (action IN ('CONFIRMED', 'CANCELLED', 'OPTED_OUT', 'INBOX'))
  `);
  await knex.raw(queueFunction(''));
  // "No messages" had no place before: such a patient falls back to the clinic's channel.
  await knex('patient_message_prefs').where({ channel: 'NONE' }).update({ channel: null });
  await knex.raw(`
    ALTER TABLE patient_message_prefs DROP CONSTRAINT chk_pref_channel,
      ADD CONSTRAINT chk_pref_channel CHECK (channel IN ('SMS', 'WHATSAPP', 'EMAIL'))
  `);
}
