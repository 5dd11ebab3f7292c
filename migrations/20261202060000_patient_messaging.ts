import type { Knex } from 'knex';

// Why: nothing reached a patient (no confirmation, no reminder, no notice). Patient messaging
// is a durable outbox worked by one sender PC at a time:
// - patient_messages: the outbox. One row per message; idempotency_key is UNIQUE per
//   (appointment, kind, due time), so a crash, a restart or a second PC can never make a
//   second row, and the send claim (QUEUED -> SENDING) commits before the provider is called.
// - The rows that follow from an appointment change are written by a trigger on
//   appointment_entities, in the statement that makes the change: a booking stays one
//   statement and one commit (insertBooking), and every other way an appointment changes
//   (move, cancel, undo, availability clean-up, a patient's "2") plans its messages the same
//   way without each service remembering to. With messaging switched off (the default) the
//   trigger reads one row and stops.
// - message_templates: per kind, language and channel, with the India DLT ids of an SMS
//   template and the WhatsApp content SID; English and Hindi are shipped for every kind.
// - messaging_settings: one row (like clinic_settings); provider secrets are stored sealed
//   (SecretBox), never plain.
// - patient_message_prefs, patient_channel_consents, message_kind_switches: a patient's
//   channel and language, consent per channel with when and how, kinds switched off per doctor
//   or per patient.
// - inbound_messages: replies; what is not a command lands in the desk's inbox.
// - Every status change of a message is written to audit_log by a trigger, whichever code
//   path (sender, webhook worker, desk) makes it.

const KINDS = ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE', 'THANK_YOU'] as const;
const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL'] as const;
const STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED', 'CANCELLED', 'SKIPPED'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const TEMPLATES: Record<(typeof KINDS)[number], { en: string; hi: string }> = {
  CONFIRMATION: {
    en: 'Hello {patient}, your appointment with {doctor} at {clinic} is booked for {date} at {time}. Reply 1 to confirm, 2 to cancel.',
    hi: 'नमस्ते {patient}, {clinic} में {doctor} के साथ आपका अपॉइंटमेंट {date} को {time} बजे बुक है। पुष्टि के लिए 1, रद्द करने के लिए 2 भेजें।',
  },
  REMINDER: {
    en: 'Reminder: {patient}, you see {doctor} at {clinic} on {date} at {time}. Reply 1 to confirm, 2 to cancel.',
    hi: 'याद दिलाना: {patient}, {date} को {time} बजे {clinic} में {doctor} से आपका अपॉइंटमेंट है। पुष्टि के लिए 1, रद्द करने के लिए 2 भेजें।',
  },
  RESCHEDULED: {
    en: '{patient}, your appointment with {doctor} at {clinic} has moved to {date} at {time}. Reply 2 to cancel.',
    hi: '{patient}, {doctor} ({clinic}) के साथ आपका अपॉइंटमेंट अब {date} को {time} बजे है। रद्द करने के लिए 2 भेजें।',
  },
  CANCELLED: {
    en: '{patient}, your appointment with {doctor} at {clinic} on {date} at {time} is cancelled. Call us to book again.',
    hi: '{patient}, {date} को {time} बजे {doctor} ({clinic}) के साथ आपका अपॉइंटमेंट रद्द हो गया है। दोबारा बुक करने के लिए हमें कॉल करें।',
  },
  VIDEO_LINK: {
    en: '{patient}, your video consultation with {doctor} is on {date} at {time}. Join here: {link}',
    hi: '{patient}, {doctor} के साथ आपका वीडियो परामर्श {date} को {time} बजे है। यहाँ जुड़ें: {link}',
  },
  NOTICE: {
    en: '{patient}, a message from {clinic} about your appointment with {doctor} on {date} at {time}.',
    hi: '{patient}, {date} को {time} बजे {doctor} के साथ आपके अपॉइंटमेंट के बारे में {clinic} की सूचना।',
  },
  THANK_YOU: {
    en: 'Thank you for visiting {clinic}, {patient}. We wish you good health.',
    hi: '{clinic} आने के लिए धन्यवाद, {patient}। आप स्वस्थ रहें।',
  },
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messaging_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.boolean('enabled').notNullable().defaultTo(false);
    t.specificType('enabled_kinds', 'text[]')
      .notNullable()
      .defaultTo(knex.raw(`ARRAY['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE']`));
    t.specificType('reminder_offsets_minutes', 'integer[]').notNullable().defaultTo(knex.raw(`ARRAY[1440, 120]`));
    t.specificType('quiet_start', 'time').notNullable().defaultTo('21:00');
    t.specificType('quiet_end', 'time').notNullable().defaultTo('08:00');
    t.string('default_channel', 10).notNullable().defaultTo('SMS');
    t.string('default_language', 10).notNullable().defaultTo('en');
    t.string('sms_from', 20);
    t.string('whatsapp_from', 20);
    t.string('twilio_account_sid', 64);
    t.text('twilio_auth_token_sealed');
    t.text('status_callback_url');
    t.text('inbound_url');
    t.string('smtp_host', 255);
    t.integer('smtp_port');
    t.boolean('smtp_secure').notNullable().defaultTo(false);
    t.string('smtp_user', 255);
    t.text('smtp_password_sealed');
    t.string('email_from', 255);
    t.text('rebook_link');
    t.decimal('send_rate_per_second', 6, 2).notNullable().defaultTo(1);
    t.smallint('daily_cap_per_patient').notNullable().defaultTo(5);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('updated_by').references('id').inTable('users').onDelete('SET NULL');
  });
  await knex.raw(`
    ALTER TABLE messaging_settings
      ADD CONSTRAINT chk_messaging_settings_single_row CHECK (id = 1),
      ADD CONSTRAINT chk_messaging_kinds CHECK (enabled_kinds <@ ARRAY[${list(KINDS)}]::text[]),
      ADD CONSTRAINT chk_messaging_offsets CHECK (cardinality(reminder_offsets_minutes) <= 5 AND 0 < ALL (reminder_offsets_minutes) AND 20160 >= ALL (reminder_offsets_minutes)),
      ADD CONSTRAINT chk_messaging_channel CHECK (default_channel IN (${list(CHANNELS)})),
      ADD CONSTRAINT chk_messaging_rate CHECK (send_rate_per_second > 0 AND send_rate_per_second <= 1000),
      ADD CONSTRAINT chk_messaging_cap CHECK (daily_cap_per_patient BETWEEN 1 AND 100),
      ADD CONSTRAINT chk_messaging_sms_from CHECK (sms_from ~ '^\\+[1-9][0-9]{6,14}$'),
      ADD CONSTRAINT chk_messaging_whatsapp_from CHECK (whatsapp_from ~ '^\\+[1-9][0-9]{6,14}$');
  `);
  await knex('messaging_settings').insert({ id: 1 });

  await knex.schema.createTable('message_templates', (t) => {
    t.bigIncrements('id');
    t.string('kind', 20)
      .notNullable()
      .checkIn([...KINDS], 'chk_template_kind');
    t.string('language', 10).notNullable();
    t.string('channel', 10)
      .notNullable()
      .checkIn([...CHANNELS], 'chk_template_channel');
    t.string('subject', 200);
    t.text('body').notNullable();
    t.string('dlt_entity_id', 30);
    t.string('dlt_template_id', 30);
    t.string('whatsapp_content_sid', 64);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('updated_by').references('id').inTable('users').onDelete('SET NULL');
    t.unique(['kind', 'language', 'channel'], { indexName: 'uq_template_kind_language_channel' });
  });
  await knex.raw(`ALTER TABLE message_templates ADD CONSTRAINT chk_template_language CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2}){0,1}$')`);
  await knex('message_templates').insert(
    KINDS.flatMap((kind) =>
      (['en', 'hi'] as const).flatMap((language) =>
        CHANNELS.map((channel) => ({ kind, language, channel, body: TEMPLATES[kind][language], subject: channel === 'EMAIL' ? '{clinic}' : null })),
      ),
    ),
  );

  await knex.schema.createTable('patient_messages', (t) => {
    t.bigIncrements('id');
    t.bigInteger('appointment_id').references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.bigInteger('patient_id').notNullable().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.bigInteger('doctor_id').references('id').inTable('doctor_entities').onDelete('SET NULL');
    t.string('kind', 20)
      .notNullable()
      .checkIn([...KINDS], 'chk_message_kind');
    t.string('channel', 10)
      .notNullable()
      .checkIn([...CHANNELS], 'chk_message_channel');
    t.string('language', 10).notNullable();
    t.bigInteger('template_id').references('id').inTable('message_templates').onDelete('SET NULL');
    t.text('notice_text');
    t.text('link');
    t.string('subject', 200);
    t.text('body');
    t.string('to_address', 255);
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.string('status', 12)
      .notNullable()
      .defaultTo('QUEUED')
      .checkIn([...STATUSES], 'chk_message_status');
    t.string('provider_id', 64).unique({ indexName: 'uq_message_provider_id' });
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.text('error');
    t.string('idempotency_key', 200).notNullable().unique({ indexName: 'uq_message_idempotency' });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('claimed_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['appointment_id'], 'idx_message_appointment');
    t.index(['patient_id', 'sent_at'], 'idx_message_patient_sent');
  });
  await knex.raw(`CREATE INDEX idx_message_due ON patient_messages (due_at) WHERE status = 'QUEUED'`);
  await knex.raw(`CREATE INDEX idx_message_sending ON patient_messages (claimed_at) WHERE status = 'SENDING'`);
  await knex.raw(`CREATE INDEX idx_message_failed ON patient_messages (updated_at) WHERE status IN ('FAILED', 'UNDELIVERED')`);

  await knex.schema.createTable('patient_message_prefs', (t) => {
    t.bigInteger('patient_id').primary().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.string('channel', 10).checkIn([...CHANNELS], 'chk_pref_channel');
    t.string('language', 10);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('patient_channel_consents', (t) => {
    t.bigInteger('patient_id').notNullable().references('id').inTable('patient_entities').onDelete('CASCADE');
    t.string('channel', 10)
      .notNullable()
      .checkIn([...CHANNELS], 'chk_consent_channel');
    t.timestamp('given_at', { useTz: true });
    t.string('given_how', 200);
    t.timestamp('withdrawn_at', { useTz: true });
    t.string('withdrawn_how', 200);
    t.primary(['patient_id', 'channel']);
  });

  await knex.schema.createTable('message_kind_switches', (t) => {
    t.bigIncrements('id');
    t.bigInteger('doctor_id').references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.bigInteger('patient_id').references('id').inTable('patient_entities').onDelete('CASCADE');
    t.string('kind', 20)
      .notNullable()
      .checkIn([...KINDS], 'chk_switch_kind');
  });
  await knex.raw(`ALTER TABLE message_kind_switches ADD CONSTRAINT chk_switch_one_subject CHECK ((doctor_id IS NULL) <> (patient_id IS NULL))`);
  await knex.raw(`CREATE UNIQUE INDEX uq_switch_doctor ON message_kind_switches (doctor_id, kind) WHERE doctor_id IS NOT NULL`);
  await knex.raw(`CREATE UNIQUE INDEX uq_switch_patient ON message_kind_switches (patient_id, kind) WHERE patient_id IS NOT NULL`);

  await knex.schema.createTable('inbound_messages', (t) => {
    t.bigIncrements('id');
    t.string('provider_id', 64).notNullable().unique({ indexName: 'uq_inbound_provider_id' });
    t.string('channel', 10)
      .notNullable()
      .checkIn([...CHANNELS], 'chk_inbound_channel');
    t.string('from_address', 255).notNullable();
    t.text('body').notNullable();
    t.bigInteger('patient_id').references('id').inTable('patient_entities').onDelete('SET NULL');
    t.bigInteger('appointment_id').references('id').inTable('appointment_entities').onDelete('SET NULL');
    t.string('action', 12).notNullable().checkIn(['CONFIRMED', 'CANCELLED', 'OPTED_OUT', 'INBOX'], 'chk_inbound_action');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('handled_at', { useTz: true });
    t.bigInteger('handled_by').references('id').inTable('users').onDelete('SET NULL');
  });
  await knex.raw(`CREATE INDEX idx_inbound_open ON inbound_messages (received_at) WHERE action = 'INBOX' AND handled_at IS NULL`);

  await knex.raw(`
    CREATE FUNCTION patient_messages_queue(a appointment_entities, k text, due timestamptz, s messaging_settings) RETURNS void
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
      -- Opted out of the channel (STOP), or WhatsApp without the opt-in its rules require.
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
  `);
  await knex.raw(`
    CREATE FUNCTION patient_messages_on_appointment() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      s messaging_settings%ROWTYPE;
      starts timestamptz;
      off integer;
      unconfirmed boolean := false;
    BEGIN
      SELECT * INTO s FROM messaging_settings WHERE id = 1;
      IF NOT FOUND OR NOT s.enabled THEN RETURN NULL; END IF;
      IF TG_OP = 'UPDATE' THEN
        IF NEW.status = OLD.status AND NEW.appointment_date = OLD.appointment_date AND NEW.start_time = OLD.start_time AND NEW.doctor_id = OLD.doctor_id THEN
          RETURN NULL;
        END IF;
        -- What was planned for the old time or status is no longer right.
        UPDATE patient_messages SET status = 'CANCELLED', updated_at = now()
         WHERE appointment_id = NEW.id AND status = 'QUEUED' AND kind = 'CONFIRMATION';
        unconfirmed := FOUND;
        UPDATE patient_messages SET status = 'CANCELLED', updated_at = now()
         WHERE appointment_id = NEW.id AND status = 'QUEUED' AND kind IN ('REMINDER', 'RESCHEDULED');
      END IF;
      IF NEW.status = 'SCHEDULED' AND NOT NEW.is_walk_in THEN
        -- A patient who never heard of the old time gets a confirmation, not a notice of a move.
        PERFORM patient_messages_queue(NEW, CASE WHEN TG_OP = 'INSERT' OR OLD.status <> 'SCHEDULED' OR unconfirmed THEN 'CONFIRMATION' ELSE 'RESCHEDULED' END, now(), s);
        starts := (NEW.appointment_date + NEW.start_time) AT TIME ZONE (SELECT time_zone FROM clinic_settings WHERE id = 1);
        FOREACH off IN ARRAY s.reminder_offsets_minutes LOOP
          IF starts - make_interval(mins => off) > now() THEN
            PERFORM patient_messages_queue(NEW, 'REMINDER', starts - make_interval(mins => off), s);
          END IF;
        END LOOP;
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'SCHEDULED' AND NEW.status = 'CANCELLED' THEN
        PERFORM patient_messages_queue(NEW, 'CANCELLED', now(), s);
      ELSIF TG_OP = 'UPDATE' AND OLD.status = 'SCHEDULED' AND NEW.status = 'COMPLETED' THEN
        PERFORM patient_messages_queue(NEW, 'THANK_YOU', now(), s);
      END IF;
      RETURN NULL;
    END;
    $$;
  `);
  await knex.raw(`
    CREATE TRIGGER trg_appointment_messages
      AFTER INSERT OR UPDATE OF status, appointment_date, start_time, doctor_id ON appointment_entities
      FOR EACH ROW EXECUTE FUNCTION patient_messages_on_appointment()
  `);
  await knex.raw(`
    CREATE FUNCTION patient_messages_audit_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO audit_log (user_id, user_email, workstation, action, entity, entity_id, outcome, detail)
      VALUES (NULL, NULL, current_setting('application_name', true), 'messaging.status', 'patient_message', NEW.id,
              CASE WHEN NEW.status IN ('FAILED', 'UNDELIVERED') THEN 'FAILED' ELSE 'OK' END,
              jsonb_build_object('from', OLD.status, 'to', NEW.status, 'kind', NEW.kind, 'channel', NEW.channel,
                                 'appointmentId', NEW.appointment_id, 'providerId', NEW.provider_id, 'error', NEW.error));
      RETURN NULL;
    END;
    $$;
  `);
  await knex.raw(`
    CREATE TRIGGER trg_patient_messages_audit
      AFTER UPDATE OF status ON patient_messages
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION patient_messages_audit_status()
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER trg_appointment_messages ON appointment_entities');
  await knex.raw('DROP FUNCTION patient_messages_on_appointment()');
  await knex.raw('DROP FUNCTION patient_messages_queue(appointment_entities, text, timestamptz, messaging_settings)');
  await knex.schema.dropTable('inbound_messages');
  await knex.schema.dropTable('message_kind_switches');
  await knex.schema.dropTable('patient_channel_consents');
  await knex.schema.dropTable('patient_message_prefs');
  await knex.schema.dropTable('patient_messages');
  await knex.raw('DROP FUNCTION patient_messages_audit_status()');
  await knex.schema.dropTable('message_templates');
  await knex.schema.dropTable('messaging_settings');
}
