import type { Knex } from 'knex';

// Why (issue 20, with messaging): freed time is offered by SMS/WhatsApp to the top few waiting
// patients, the first to reply YES gets it and the others are told it has gone; a recall sends a
// reminder to book. They go through the outbox like every other message (sent once, by the
// elected sender, on the patient's channel and in their language).
// - WAITLIST_OFFER, OFFER_GONE and RECALL_REMINDER join the message kinds of every table that
//   checks them, and the enabled kinds (default and the clinic's row): with messaging switched
//   on they go, and the clinic can switch each off like any kind.
// - patient_messages names the offer or the recall a message is about (no appointment yet), so
//   a YES finds its offer and the sender can drop a message whose offer or recall is settled.
// - A reply may now take an offer (OFFER_TAKEN) or come too late for one (OFFER_GONE).
// - Templates in English and Hindi for every channel.

const BEFORE = ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE', 'THANK_YOU', 'PAYMENT_LINK'] as const;
const NEW = ['WAITLIST_OFFER', 'OFFER_GONE', 'RECALL_REMINDER'] as const;
const AFTER = [...BEFORE, ...NEW] as const;
const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL'] as const;
const ACTIONS_BEFORE = ['CONFIRMED', 'CANCELLED', 'OPTED_OUT', 'OPTED_IN', 'INBOX'] as const;
const ACTIONS_AFTER = [...ACTIONS_BEFORE, 'OFFER_TAKEN', 'OFFER_GONE'] as const;
const DEFAULT_BEFORE = ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const BODY: Record<(typeof NEW)[number], { en: string; hi: string }> = {
  WAITLIST_OFFER: {
    en: '{patient}, an earlier time with {doctor} is free at {clinic}: {date} at {time}. Reply YES to take it; the first to reply gets it.',
    hi: '{patient}, {clinic} में {doctor} के साथ पहले का समय खाली है: {date} को {time} बजे। लेने के लिए YES लिखें; पहले जवाब देने वाले को मिलेगा।',
  },
  OFFER_GONE: {
    en: '{patient}, sorry: the time with {doctor} on {date} at {time} has gone. You stay on the waiting list of {clinic}.',
    hi: '{patient}, क्षमा करें: {date} को {time} बजे {doctor} के साथ का समय जा चुका है। आप {clinic} की प्रतीक्षा सूची में बने रहेंगे।',
  },
  RECALL_REMINDER: {
    en: '{patient}, it is time for your follow-up visit at {clinic}. Please call us or reply to book it. {link}',
    hi: '{patient}, {clinic} में आपकी फ़ॉलो-अप जाँच का समय हो गया है। बुक करने के लिए हमें कॉल करें या जवाब दें। {link}',
  },
};

async function checkKinds(knex: Knex, kinds: readonly string[], actions: readonly string[]): Promise<void> {
  const inList = list(kinds);
  await knex.raw(
    `ALTER TABLE messaging_settings DROP CONSTRAINT chk_messaging_kinds, ADD CONSTRAINT chk_messaging_kinds CHECK (enabled_kinds <@ ARRAY[${inList}]::text[])`,
  );
  for (const [table, constraint] of [
    ['message_templates', 'chk_template_kind'],
    ['patient_messages', 'chk_message_kind'],
    ['message_kind_switches', 'chk_switch_kind'],
  ] as const) {
    await knex.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}, ADD CONSTRAINT ${constraint} CHECK (kind IN (${inList}))`);
  }
  await knex.raw(`ALTER TABLE inbound_messages DROP CONSTRAINT chk_inbound_action, ADD CONSTRAINT chk_inbound_action CHECK (action IN (${list(actions)}))`);
}

export async function up(knex: Knex): Promise<void> {
  await checkKinds(knex, AFTER, ACTIONS_AFTER);
  await knex.schema.alterTable('patient_messages', (t) => {
    t.bigInteger('waitlist_offer_id').references('id').inTable('waitlist_offers').onDelete('CASCADE');
    t.bigInteger('recall_id').references('id').inTable('recalls').onDelete('CASCADE');
  });
  await knex.raw(`CREATE INDEX idx_message_offer ON patient_messages (waitlist_offer_id) WHERE waitlist_offer_id IS NOT NULL`);
  await knex.raw(`ALTER TABLE messaging_settings ALTER COLUMN enabled_kinds SET DEFAULT ARRAY[${list([...DEFAULT_BEFORE, ...NEW])}]::text[]`);
  await knex.raw(`UPDATE messaging_settings SET enabled_kinds = enabled_kinds || ARRAY[${list(NEW)}]::text[]`);
  await knex('message_templates').insert(
    NEW.flatMap((kind) =>
      (['en', 'hi'] as const).flatMap((language) =>
        CHANNELS.map((channel) => ({ kind, language, channel, body: BODY[kind][language], subject: channel === 'EMAIL' ? '{clinic}' : null })),
      ),
    ),
  );
}

export async function down(knex: Knex): Promise<void> {
  // The older checks do not know the kinds or the actions: their rows go, or become inbox replies.
  await knex('patient_messages').whereIn('kind', NEW).delete();
  await knex('message_templates').whereIn('kind', NEW).delete();
  await knex('message_kind_switches').whereIn('kind', NEW).delete();
  await knex('inbound_messages').whereIn('action', ['OFFER_TAKEN', 'OFFER_GONE']).update({ action: 'INBOX' });
  for (const kind of NEW) await knex.raw(`UPDATE messaging_settings SET enabled_kinds = array_remove(enabled_kinds, ?)`, [kind]);
  await knex.raw(`ALTER TABLE messaging_settings ALTER COLUMN enabled_kinds SET DEFAULT ARRAY[${list(DEFAULT_BEFORE)}]::text[]`);
  await knex.raw(`DROP INDEX idx_message_offer`);
  await knex.schema.alterTable('patient_messages', (t) => {
    t.dropColumn('waitlist_offer_id');
    t.dropColumn('recall_id');
  });
  await checkKinds(knex, BEFORE, ACTIONS_BEFORE);
}
