import type { Knex } from 'knex';

// Why: video consultations through Twilio.
// - video_settings: the clinic's Twilio account (Account SID, API Key SID and secret, Auth
//   Token for webhook signatures), the public webhook URL and the patient-join link template.
//   Clinic-wide and needed by the headless webhook receiver too (which has no Electron and so
//   no safeStorage), so it lives in the clinic database as ARCHITECTURE.md says for clinic-wide
//   secrets; only main reads it, and only an ADMIN can change it. One row, like clinic_settings.
// - twilio_webhook_events.dedup_key + uq_webhook_dedup: Twilio retries a callback it thinks
//   failed; RoomSid:SequenceNumber (or a hash of the body) stored once makes a replay a no-op.
// - attempts, last_error, parked_at: the durable queue's bookkeeping. A failing event is tried
//   again with backoff and parked, with its error, after too many failures instead of forever.
// - video_call_events.webhook_event_id + uq_video_event_webhook: the event row written from a
//   webhook names its source, so applying the same webhook twice cannot write it twice.
//   SET NULL: webhook rows are kept 30 days, the call events they produced 90.
// - idx_webhook_pending: the worker looks up unprocessed, unparked rows at start.
// The seed's video_call_sessions.access_token stays unused: tokens are secrets and short-lived.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('video_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.string('account_sid', 64);
    t.string('api_key_sid', 64);
    t.text('api_key_secret');
    t.text('auth_token');
    t.text('webhook_url');
    t.text('join_url_template');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('updated_by');
  });
  await knex.raw(`ALTER TABLE video_settings ADD CONSTRAINT chk_video_settings_single_row CHECK (id = 1)`);
  await knex('video_settings').insert({ id: 1 });

  await knex.schema.alterTable('twilio_webhook_events', (t) => {
    t.string('dedup_key', 200);
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('parked_at', { useTz: true });
    t.unique(['dedup_key'], { indexName: 'uq_webhook_dedup' });
  });
  await knex.raw(`CREATE INDEX idx_webhook_pending ON twilio_webhook_events (id) WHERE processed_at IS NULL AND parked_at IS NULL`);

  await knex.schema.alterTable('video_call_events', (t) => {
    t.bigInteger('webhook_event_id');
    t.foreign('webhook_event_id', 'fk_video_event_webhook').references('id').inTable('twilio_webhook_events').onDelete('SET NULL');
    t.unique(['webhook_event_id'], { indexName: 'uq_video_event_webhook' });
  });
}

export async function down(knex: Knex): Promise<void> {
  // Dropping a column drops its indexes and foreign key with it.
  await knex.schema.alterTable('video_call_events', (t) => {
    t.dropColumn('webhook_event_id');
  });
  await knex.raw('DROP INDEX idx_webhook_pending');
  await knex.schema.alterTable('twilio_webhook_events', (t) => {
    t.dropColumns('parked_at', 'last_error', 'attempts', 'dedup_key');
  });
  await knex.schema.dropTable('video_settings');
}
