import type { Knex } from 'knex';

// Why: a payment link (teleconsultation prepay, or dues after the visit) goes to the patient
// through the messaging outbox like every other message, so it is sent once, by the elected
// sender, on the patient's channel and in their language, and its fate shows at the desk.
// - PAYMENT_LINK joins the message kinds of every table that checks them (the outbox, the
//   templates, the per-doctor/patient switches and the settings' enabled kinds). The desk sends
//   it on purpose, so it is not among the kinds the booking trigger plans (enabled_kinds'
//   default is unchanged).
// - Templates in English and Hindi for every channel; {link} is the gateway's short link.

const BEFORE = ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE', 'THANK_YOU'] as const;
const AFTER = [...BEFORE, 'PAYMENT_LINK'] as const;
const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const BODY = {
  en: '{patient}, please pay {clinic} for your appointment with {doctor} on {date} at {time} here: {link}',
  hi: '{patient}, {date} को {time} बजे {doctor} के साथ अपॉइंटमेंट के लिए {clinic} को यहाँ भुगतान करें: {link}',
} as const;

async function checkKinds(knex: Knex, kinds: readonly string[]): Promise<void> {
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
}

export async function up(knex: Knex): Promise<void> {
  await checkKinds(knex, AFTER);
  await knex('message_templates').insert(
    (['en', 'hi'] as const).flatMap((language) =>
      CHANNELS.map((channel) => ({ kind: 'PAYMENT_LINK', language, channel, body: BODY[language], subject: channel === 'EMAIL' ? '{clinic}' : null })),
    ),
  );
}

export async function down(knex: Knex): Promise<void> {
  // The older checks do not know the kind: its messages, templates and switches go with it.
  await knex('patient_messages').where({ kind: 'PAYMENT_LINK' }).delete();
  await knex('message_templates').where({ kind: 'PAYMENT_LINK' }).delete();
  await knex('message_kind_switches').where({ kind: 'PAYMENT_LINK' }).delete();
  await knex.raw(`UPDATE messaging_settings SET enabled_kinds = array_remove(enabled_kinds, 'PAYMENT_LINK')`);
  await checkKinds(knex, BEFORE);
}
