import type { Knex } from 'knex';

export interface WebhookRow {
  id: number;
  event_type: string;
  event_data: Record<string, string>;
  attempts: number;
}

/** Stores a callback as received; undefined when the same one (same dedup key) is already stored. */
export async function storeWebhookEvent(knex: Knex, e: { eventType: string; data: Record<string, string>; dedupKey: string }): Promise<number | undefined> {
  const rows = await knex('twilio_webhook_events')
    .insert({ event_type: e.eventType, event_data: JSON.stringify(e.data), dedup_key: e.dedupKey })
    .onConflict('dedup_key')
    .ignore()
    .returning('id');
  return rows[0]?.id;
}

/** The durable queue: stored events neither applied nor parked, oldest first. */
export async function pendingWebhookIds(knex: Knex): Promise<number[]> {
  const rows = await knex('twilio_webhook_events').whereNull('processed_at').whereNull('parked_at').orderBy('id').select('id');
  return rows.map((r: { id: number }) => r.id);
}

/** The event, locked for this transaction, if it still waits to be applied. */
export async function lockPendingWebhook(trx: Knex.Transaction, id: number): Promise<WebhookRow | undefined> {
  return trx('twilio_webhook_events')
    .where({ id })
    .whereNull('processed_at')
    .whereNull('parked_at')
    .forUpdate()
    .first('id', 'event_type', 'event_data', 'attempts');
}

export async function markWebhookProcessed(trx: Knex.Transaction, id: number): Promise<void> {
  await trx('twilio_webhook_events').where({ id }).update({ processed_at: trx.fn.now() });
}

/** Counts a failed attempt and keeps its error; parks the event when `park` says so. Returns the attempts so far. */
export async function recordWebhookFailure(knex: Knex, id: number, error: string, park: (attempts: number) => boolean): Promise<number> {
  return knex.transaction(async (trx) => {
    const [row] = await trx('twilio_webhook_events')
      .where({ id })
      .increment('attempts', 1)
      .update({ last_error: error.slice(0, 2000) })
      .returning('attempts');
    const attempts = Number(row?.attempts ?? 0);
    if (park(attempts)) await trx('twilio_webhook_events').where({ id }).update({ parked_at: trx.fn.now() });
    return attempts;
  });
}
