import type { Knex } from 'knex';

/** A room's session ends COMPLETED, or NO_SHOW when the appointment's patient never turned up (session-outcome.ts). */
export type SessionStatus = 'CREATED' | 'IN_PROGRESS' | 'COMPLETED' | 'NO_SHOW';

export interface SessionRow {
  appointmentId: number;
  /** The appointment's patient, whose call identity tells their arrival from the doctor's. */
  patientId: number;
  sessionId: string;
  roomName: string;
  status: SessionStatus;
}

/** One row per Twilio room (session_id = the Room SID); a room used again gets a fresh expiry. */
export async function upsertSession(
  knex: Knex,
  s: { appointmentId: number; roomSid: string; roomName: string; status: SessionStatus; expiresAt: string },
): Promise<void> {
  await knex('video_call_sessions')
    .insert({ appointment_id: s.appointmentId, session_id: s.roomSid, room_name: s.roomName, status: s.status, expires_at: s.expiresAt })
    .onConflict('session_id')
    .merge({ status: s.status, expires_at: s.expiresAt, updated_at: knex.fn.now() });
}

export async function findSession(knex: Knex, roomSid: string): Promise<SessionRow | undefined> {
  return knex('video_call_sessions as s')
    .join('appointment_entities as a', 'a.id', 's.appointment_id')
    .where({ 's.session_id': roomSid })
    .first('s.appointment_id as appointmentId', 'a.patient_id as patientId', 's.session_id as sessionId', 's.room_name as roomName', 's.status');
}

/** Sets a session's status; true when there was such a session. */
export async function setSessionStatus(knex: Knex, roomSid: string, status: SessionStatus): Promise<boolean> {
  const n = await knex('video_call_sessions').where({ session_id: roomSid }).update({ status, updated_at: knex.fn.now() });
  return n > 0;
}

/**
 * Holds the appointment's sessions until the transaction ends: an end and an arrival of the
 * same appointment, applied at once, are then decided one after the other.
 */
export async function lockSessionsOf(trx: Knex.Transaction, appointmentId: number): Promise<void> {
  await trx('video_call_sessions').where({ appointment_id: appointmentId }).orderBy('id').forUpdate().select('id');
}

/** Whether `identity` has an event of one of these types in any of the appointment's rooms. */
export async function hasArrivalEvent(knex: Knex, appointmentId: number, identity: string, types: readonly string[]): Promise<boolean> {
  const row = await knex('video_call_events as e')
    .join('video_call_sessions as s', 's.session_id', 'e.session_id')
    .where({ 's.appointment_id': appointmentId, 'e.participant_name': identity })
    .whereIn('e.event_type', types)
    .first('e.id');
  return row !== undefined;
}

/** The appointment's sessions that ended NO_SHOW end COMPLETED instead. */
export async function completeNoShows(knex: Knex, appointmentId: number): Promise<void> {
  await knex('video_call_sessions')
    .where({ appointment_id: appointmentId, status: 'NO_SHOW' satisfies SessionStatus })
    .update({ status: 'COMPLETED' satisfies SessionStatus, updated_at: knex.fn.now() });
}

/** Some appointments by id, or every appointment of a day. */
export type AppointmentScope = { appointmentIds: readonly number[] } | { date: string };

/** Keeps the rows whose `column` is one of the scope's appointments; a day's, by a subquery on the day's index. */
function inScope(query: Knex.QueryBuilder, knex: Knex, column: string, scope: AppointmentScope): void {
  if ('date' in scope) query.whereIn(column, knex('appointment_entities').where('appointment_date', scope.date).select('id'));
  else query.whereIn(column, scope.appointmentIds);
}

const isEmpty = (scope: AppointmentScope) => 'appointmentIds' in scope && scope.appointmentIds.length === 0;

/** Of these appointments, the ones whose latest video session ended NO_SHOW. */
export async function appointmentsNeverJoined(knex: Knex, scope: AppointmentScope): Promise<number[]> {
  if (isEmpty(scope)) return [];
  const rows: { appointment_id: string | number }[] = await knex('video_call_sessions as s')
    .modify(inScope, knex, 's.appointment_id', scope)
    .where('s.status', 'NO_SHOW' satisfies SessionStatus)
    .whereNotExists((later) =>
      later.from('video_call_sessions as later').whereRaw('later.appointment_id = s.appointment_id').whereRaw('later.id > s.id').select(knex.raw('1')),
    )
    .select('s.appointment_id');
  return rows.map((r) => Number(r.appointment_id));
}

export interface CallEvent {
  roomSid: string;
  type: string;
  participant: string | null;
  data: Record<string, unknown>;
  /** When it happened; now when not given. */
  at?: string;
  /** The webhook row it came from: written once per webhook, however often it is applied. */
  webhookEventId?: number;
}

export async function insertCallEvent(knex: Knex, e: CallEvent): Promise<void> {
  const row = {
    session_id: e.roomSid,
    event_type: e.type,
    participant_name: e.participant,
    event_data: JSON.stringify(e.data),
    ...(e.at ? { timestamp: e.at } : {}),
    ...(e.webhookEventId ? { webhook_event_id: e.webhookEventId } : {}),
  };
  const insert = knex('video_call_events').insert(row);
  await (e.webhookEventId ? insert.onConflict('webhook_event_id').ignore() : insert);
}

/** A new code for the appointment; any code it had stops working in the same transaction. */
export function issueJoinCode(knex: Knex, appointmentId: number, codeHash: string, issuedBy: number): Promise<void> {
  return knex.transaction(async (trx) => {
    await trx('video_join_codes').where({ appointment_id: appointmentId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
    await trx('video_join_codes').insert({ appointment_id: appointmentId, code_hash: codeHash, issued_by: issuedBy });
  });
}

/** Revokes the appointment's live code; true when there was one. */
export async function revokeJoinCode(knex: Knex, appointmentId: number): Promise<boolean> {
  const n = await knex('video_join_codes').where({ appointment_id: appointmentId }).whereNull('revoked_at').update({ revoked_at: knex.fn.now() });
  return n > 0;
}

/** The live (not revoked) code with this hash. */
export async function findLiveJoinCode(knex: Knex, codeHash: string): Promise<{ id: number; appointmentId: number } | undefined> {
  return knex('video_join_codes').where({ code_hash: codeHash }).whereNull('revoked_at').first('id', 'appointment_id as appointmentId');
}

/** The patient holding this code is in the lobby now (the doctor's screens hear it by NOTIFY). */
export async function markInLobby(knex: Knex, codeId: number): Promise<void> {
  await knex('video_join_codes').where({ id: codeId }).update({ lobby_at: knex.fn.now() });
}

/** Of these appointments, the ones whose patient has opened a live link's lobby. */
export async function appointmentsWaitingOnline(knex: Knex, scope: AppointmentScope): Promise<number[]> {
  if (isEmpty(scope)) return [];
  const rows: { appointment_id: string | number }[] = await knex('video_join_codes')
    .modify(inScope, knex, 'appointment_id', scope)
    .whereNull('revoked_at')
    .whereNotNull('lobby_at')
    .select('appointment_id');
  return rows.map((r) => Number(r.appointment_id));
}

/**
 * How many patients the doctor sees before this appointment today: the one with the doctor
 * now, and those present (checked in at the desk, or waiting online) whose appointment starts
 * earlier. Patients not yet come are left out, so the count only falls while the patient waits.
 */
export async function patientsAhead(knex: Knex, appointmentId: number): Promise<number> {
  const { rows } = await knex.raw<{ rows: { ahead: number }[] }>(
    `SELECT count(*)::int AS ahead
       FROM appointment_entities a
       JOIN appointment_entities b ON b.doctor_id = a.doctor_id AND b.appointment_date = a.appointment_date AND b.id <> a.id
      WHERE a.id = ? AND b.status = 'SCHEDULED'
        AND (b.consult_started_at IS NOT NULL
             OR ((b.start_time, b.id) < (a.start_time, a.id)
                 AND (b.checked_in_at IS NOT NULL
                      OR EXISTS (SELECT 1 FROM video_join_codes c WHERE c.appointment_id = b.id AND c.revoked_at IS NULL AND c.lobby_at IS NOT NULL))))`,
    [appointmentId],
  );
  return rows[0]!.ahead;
}

/** The room's session, created when the patient arrives first; an existing one is left as it is. */
export async function ensureSession(knex: Knex, s: { appointmentId: number; roomSid: string; roomName: string; expiresAt: string }): Promise<void> {
  await knex('video_call_sessions')
    .insert({ appointment_id: s.appointmentId, session_id: s.roomSid, room_name: s.roomName, status: 'CREATED', expires_at: s.expiresAt })
    .onConflict('session_id')
    .ignore();
}
