import type { Knex } from 'knex';
import { applyGatewayEvent } from '../payments/gateway/apply';
import { findSession, insertCallEvent, setSessionStatus } from '../video/repo';
import { applyMessagingEvent } from './messaging';
import type { WebhookRow } from './repo';

/** Facts of a participant callback kept with the call (no media, no token). */
const PARTICIPANT_FIELDS = ['ParticipantSid', 'ParticipantStatus', 'ParticipantDuration', 'RoomStatus', 'SequenceNumber'] as const;

/**
 * What a Twilio Video status callback means for the clinic, inside the worker's transaction:
 * room-ended completes the session, participant events join the call's event log. Safe to run
 * twice: the status update is the same, the event row is unique per webhook row. Callbacks for
 * rooms this clinic did not create, and kinds it does not track (tracks, recordings), change nothing.
 */
export async function applyWebhookEvent(trx: Knex.Transaction, row: WebhookRow): Promise<void> {
  if (await applyGatewayEvent(trx, row)) return;
  if (await applyMessagingEvent(trx, row)) return;
  const data = row.event_data;
  const roomSid = data.RoomSid;
  if (!roomSid || !(await findSession(trx, roomSid))) return;
  const kind = data.StatusCallbackEvent ?? '';
  if (kind === 'room-ended') {
    await setSessionStatus(trx, roomSid, 'COMPLETED');
  } else if (kind.startsWith('participant-')) {
    const facts: Record<string, string> = { source: 'twilio' };
    for (const field of PARTICIPANT_FIELDS) if (data[field] !== undefined) facts[field] = data[field];
    const at = data.Timestamp && !Number.isNaN(Date.parse(data.Timestamp)) ? new Date(data.Timestamp).toISOString() : undefined;
    await insertCallEvent(trx, { roomSid, type: kind, participant: data.ParticipantIdentity ?? null, data: facts, at, webhookEventId: row.id });
  }
}
