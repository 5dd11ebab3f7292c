import type { Knex } from 'knex';
import type { OpdSessionDto } from '../../preload/contract';

export interface NewSession {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  emergencyReserve: number;
  room: string | null;
  createdBy: number;
}

/** Sessions as the screens show them: the room falls back to the doctor's, the pace is length / capacity. */
function sessionQuery(knex: Knex) {
  return knex('opd_sessions as s')
    .join('doctor_entities as d', 'd.id', 's.doctor_id')
    .select(
      's.id',
      's.doctor_id as doctorId',
      'd.name as doctorName',
      's.date',
      's.start_time as startTime',
      's.end_time as endTime',
      's.capacity',
      's.emergency_reserve as emergencyReserve',
      knex.raw('COALESCE(s.room, d.room) AS room'),
      's.booked',
      's.first_token as firstToken',
      knex.raw(`(SELECT max(a.session_token) FROM appointment_entities a WHERE a.opd_session_id = s.id AND a.status <> 'CANCELLED') AS "highestToken"`),
      knex.raw(`extract(epoch FROM s.end_time - s.start_time)::float8 / 60 / s.capacity AS "paceMinutes"`),
    );
}

export async function findSession(knex: Knex, id: number): Promise<OpdSessionDto | undefined> {
  return sessionQuery(knex).where('s.id', id).first();
}

export async function listSessions(knex: Knex, filter: { doctorId?: number; from: string; to: string }): Promise<OpdSessionDto[]> {
  return sessionQuery(knex)
    .whereBetween('s.date', [filter.from, filter.to])
    .modify((q) => {
      if (filter.doctorId) q.where('s.doctor_id', filter.doctorId);
    })
    .orderBy([{ column: 's.date' }, { column: 's.start_time' }, { column: 'd.name' }]);
}

export async function insertSession(knex: Knex, s: NewSession): Promise<number> {
  const [row] = await knex('opd_sessions')
    .insert({
      doctor_id: s.doctorId,
      date: s.date,
      start_time: s.startTime,
      end_time: s.endTime,
      capacity: s.capacity,
      emergency_reserve: s.emergencyReserve,
      room: s.room,
      created_by: s.createdBy,
    })
    .returning('id');
  return row.id;
}

export interface SessionPlan {
  startTime: string;
  endTime: string;
  capacity: number;
  emergencyReserve: number;
  room: string | null;
}

/** A session's new plan; its live tokens move to the new pace in the same statement (the migration's retime trigger). */
export async function updateSession(knex: Knex, id: number, p: SessionPlan): Promise<void> {
  await knex('opd_sessions')
    .where({ id })
    .update({ start_time: p.startTime, end_time: p.endTime, capacity: p.capacity, emergency_reserve: p.emergencyReserve, room: p.room });
}

/** The lowest live check-in number of a patient without a session token in first..last of a doctor's day, if any. */
export async function slotNumberIn(knex: Knex, doctorId: number, date: string, first: number, last: number): Promise<number | undefined> {
  const row = await knex('appointment_entities')
    .where({ doctor_id: doctorId, appointment_date: date })
    .whereNull('opd_session_id')
    .whereNot('status', 'CANCELLED')
    .whereBetween('token_no', [first, last])
    .min<{ min: number | null }>({ min: 'token_no' })
    .first();
  return row?.min ?? undefined;
}

/** Removes a session no live or past token refers to; false when one does (or it is gone). */
export async function deleteUnusedSession(knex: Knex, id: number): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `DELETE FROM opd_sessions s WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM appointment_entities a WHERE a.opd_session_id = s.id) RETURNING s.id`,
    [id],
  );
  return rows.length > 0;
}

/** Takes off one day's sessions that never had a token (a closed clinic holds none); how many went. */
export async function deleteUnusedSessionsOn(knex: Knex, date: string): Promise<number> {
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `DELETE FROM opd_sessions s WHERE s.date = ? AND NOT EXISTS (SELECT 1 FROM appointment_entities a WHERE a.opd_session_id = s.id) RETURNING s.id`,
    [date],
  );
  return rows.length;
}

/** The sessions of some doctors over a date range, as time their slots must leave to tokens. */
export async function sessionTimesOfDoctors(
  knex: Knex,
  doctorIds: readonly number[],
  from: string,
  to: string,
): Promise<{ id: number; doctorId: number; date: string; startTime: string; endTime: string }[]> {
  return knex('opd_sessions')
    .whereIn('doctor_id', doctorIds)
    .whereBetween('date', [from, to])
    .select('id', 'doctor_id as doctorId', 'date', 'start_time as startTime', 'end_time as endTime')
    .orderBy('start_time');
}
