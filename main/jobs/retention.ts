import type { Knex } from 'knex';
import { clearOldMessageContents, clearOldReplyContents, readMessagingSettings } from '../messaging/repo';

const DAY_MS = 86_400_000;
const CALL_EVENT_DAYS = 90;
const WEBHOOK_EVENT_DAYS = 30;

/**
 * Deletes call events older than 90 days (by their `timestamp`: the seed's cleanup SQL names a
 * created_at that video_call_events does not have) and webhook events older than 30 days. A
 * webhook event not yet applied or parked is kept whatever its age: deleting it would lose it.
 */
export async function deleteExpiredCallData(knex: Knex, now: number = Date.now()): Promise<{ callEvents: number; webhookEvents: number }> {
  const callEvents = await knex('video_call_events')
    .where('timestamp', '<', new Date(now - CALL_EVENT_DAYS * DAY_MS).toISOString())
    .del();
  const webhookEvents = await knex('twilio_webhook_events')
    .where('created_at', '<', new Date(now - WEBHOOK_EVENT_DAYS * DAY_MS).toISOString())
    .where((q) => q.whereNotNull('processed_at').orWhereNotNull('parked_at'))
    .del();
  return { callEvents, webhookEvents };
}

/**
 * Clears what settled messages to patients said and to whom, and what their settled replies said
 * and where from, once older than the clinic's messaging retention (a year unless set).
 */
export async function clearExpiredMessageContents(knex: Knex, now: number = Date.now()): Promise<{ messages: number; replies: number }> {
  const { messageRetentionDays } = await readMessagingSettings(knex);
  const before = new Date(now - messageRetentionDays * DAY_MS);
  return { messages: await clearOldMessageContents(knex, before), replies: await clearOldReplyContents(knex, before) };
}

/** Runs the retention now and then daily; returns a function that stops it. */
export function scheduleRetention(knex: Knex, log: (message: string, err: unknown) => void): () => void {
  const run = () =>
    void Promise.all([deleteExpiredCallData(knex), clearExpiredMessageContents(knex)]).catch((err: unknown) => log('retention run failed', err));
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
