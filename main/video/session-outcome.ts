import type { Knex } from 'knex';
import { completeNoShows, hasArrivalEvent, insertCallEvent, lockSessionsOf, setSessionStatus, type CallEvent } from './repo';
import { patientIdentity } from './tokens';

/** The appointment a room is for, and its patient. */
interface CallOwner {
  appointmentId: number;
  patientId: number;
}

/**
 * The patient turned up: connected to the room (Twilio's callback or the doctor's window says so)
 * or waited in the lobby (the gateway writes this row with `video_join_codes.lobby_at`).
 */
const ARRIVAL_EVENTS = ['participant-connected', 'patient-lobby'] as const;

// Twilio's callbacks and the call window's reports arrive in any order and may repeat. The
// outcome is therefore decided from every event stored, never from the one at hand: an end
// looks for an arrival in any of the appointment's rooms, and an arrival stored after the end
// turns the appointment's NO_SHOW sessions COMPLETED. Both take the appointment's sessions'
// locks first, so one applied at the same moment as the other is decided after it.

/** Whether the appointment's patient has turned up for any of its calls, by the rule an end decides by. */
export function patientArrived(knex: Knex, owner: CallOwner): Promise<boolean> {
  return hasArrivalEvent(knex, owner.appointmentId, patientIdentity(owner.patientId), ARRIVAL_EVENTS);
}

/** The room has ended: COMPLETED when the appointment's patient ever turned up, else NO_SHOW. */
export async function endSession(trx: Knex.Transaction, session: CallOwner & { sessionId: string }): Promise<void> {
  await lockSessionsOf(trx, session.appointmentId);
  await setSessionStatus(trx, session.sessionId, (await patientArrived(trx, session)) ? 'COMPLETED' : 'NO_SHOW');
}

/** Keeps an event of the call; the patient's arrival, even after the end, means nobody missed it. */
export async function recordCallEvent(trx: Knex.Transaction, owner: CallOwner, event: CallEvent): Promise<void> {
  await lockSessionsOf(trx, owner.appointmentId);
  await insertCallEvent(trx, event);
  const isArrival = (ARRIVAL_EVENTS as readonly string[]).includes(event.type) && event.participant === patientIdentity(owner.patientId);
  if (isArrival) await completeNoShows(trx, owner.appointmentId);
}
