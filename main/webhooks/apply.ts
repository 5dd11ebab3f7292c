import type { Knex } from 'knex';
import { applyGatewayEvent } from '../payments/gateway/apply';
import { findSession } from '../video/repo';
import { endSession, recordCallEvent } from '../video/session-outcome';
import { applyMessagingEvent } from './messaging';
import type { WebhookRow } from './repo';

/** Facts of a participant callback kept with the call (no media, no token). */
const PARTICIPANT_FIELDS = ['ParticipantSid', 'ParticipantStatus', 'ParticipantDuration', 'RoomStatus', 'SequenceNumber'] as const;

/**
 * What a Twilio Video status callback means for the clinic, inside the worker's transaction:
 * room-ended ends the session (COMPLETED, or NO_SHOW when the patient never turned up),
 * participant events join the call's event log. Safe to run twice, and in any order: the end is
 * decided from every stored event, the event row is unique per webhook row. Callbacks for
 * rooms this clinic did not create, and kinds it does not track (tracks, recordings), change nothing.
 */
export async function applyWebhookEvent(trx: Knex.Transaction, row: WebhookRow): Promise<void> {
  if (await applyGatewayEvent(trx, row)) return;
  if (await applyMessagingEvent(trx, row)) return;
  const data = row.event_data;
  const session = data.RoomSid ? await findSession(trx, data.RoomSid) : undefined;
  if (!session) return;
  const roomSid = session.sessionId;
  const kind = data.StatusCallbackEvent ?? '';
  if (kind === 'room-ended') {
    await endSession(trx, session);
  } else if (kind.startsWith('participant-')) {
    const facts: Record<string, string> = { source: 'twilio' };
    for (const field of PARTICIPANT_FIELDS) if (data[field] !== undefined) facts[field] = data[field];
    const at = data.Timestamp && !Number.isNaN(Date.parse(data.Timestamp)) ? new Date(data.Timestamp).toISOString() : undefined;
    await recordCallEvent(trx, session, { roomSid, type: kind, participant: data.ParticipantIdentity ?? null, data: facts, at, webhookEventId: row.id });
  }
}
