import type { Knex } from 'knex';
import type { AppointmentDto, PatientAppointmentDto, Priority } from '../../preload/contract';
import { auditRows, insertAuditOf, type AuditRecord } from '../audit/repo';
import { runPrepared } from '../db/prepared';
import { shiftDate as shiftDay } from '../availability/wall-clock';

/** A patient's appointments split at the clinic's current date and time. */
export async function appointmentsOfPatient(
  knex: Knex,
  patientId: number,
  now: { date: string; time: string },
): Promise<{ upcoming: PatientAppointmentDto[]; past: PatientAppointmentDto[] }> {
  const rows: (PatientAppointmentDto & { upcoming: boolean })[] = await knex('appointment_entities as a')
    .join('doctor_entities as d', 'd.id', 'a.doctor_id')
    .where('a.patient_id', patientId)
    .select(
      'a.id',
      'a.appointment_date as date',
      'a.start_time as startTime',
      'a.end_time as endTime',
      'a.status',
      'a.doctor_id as doctorId',
      'd.name as doctorName',
      'a.reason',
      knex.raw('(a.appointment_date, a.end_time) > (?::date, ?::time) AS upcoming', [now.date, now.time]),
    )
    .orderBy([{ column: 'a.appointment_date' }, { column: 'a.start_time' }]);
  const strip = ({ upcoming: _u, ...a }: PatientAppointmentDto & { upcoming: boolean }) => a;
  return {
    upcoming: rows.filter((r) => r.upcoming).map(strip),
    past: rows
      .filter((r) => !r.upcoming)
      .map(strip)
      .reverse(),
  };
}

export async function countAppointmentsOfDoctor(knex: Knex, doctorId: number): Promise<number> {
  const row = await knex('appointment_entities').where({ doctor_id: doctorId }).count<{ n: number }>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export interface BookedSpan {
  id: number;
  doctorId: number;
  patientId: number;
  date: string;
  startTime: string;
  endTime: string;
  status: string;
  patientName: string;
}

/** Appointments that hold time (all but CANCELLED) of some doctors over a date range. */
export async function liveAppointmentsOfDoctors(knex: Knex, doctorIds: readonly number[], from: string, to: string): Promise<BookedSpan[]> {
  return liveAppointments(knex).whereIn('a.doctor_id', doctorIds).whereBetween('a.appointment_date', [from, to]);
}

/** Every doctor's appointments that hold time on one day: what closing the clinic that day touches. */
export async function liveAppointmentsOn(knex: Knex, date: string): Promise<BookedSpan[]> {
  return liveAppointments(knex).where('a.appointment_date', date);
}

function liveAppointments(knex: Knex) {
  return knex('appointment_entities as a')
    .join('patient_entities as p', 'p.id', 'a.patient_id')
    .whereNot('a.status', 'CANCELLED')
    .select(
      'a.id',
      'a.doctor_id as doctorId',
      'a.patient_id as patientId',
      'a.appointment_date as date',
      'a.start_time as startTime',
      'a.end_time as endTime',
      'a.status',
      'p.name as patientName',
    )
    .orderBy([{ column: 'a.appointment_date' }, { column: 'a.start_time' }]);
}

type BusyTime = Pick<BookedSpan, 'doctorId' | 'date' | 'startTime' | 'endTime'> & {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  sessionId: number | null;
};

// A free-slot search reads a week of a specialty's bookings, whose parsing row by row (a string
// per field, then the garbage) outweighed the search itself. One JSON array of arrays is parsed
// natively in one go. JSON writes dates and times as ISO text
// ("2026-12-05", "09:00:00") and bigints as numbers, the same values pg's parsers give.
const BUSY_TIMES_SQL = `SELECT COALESCE(json_agg(json_build_array(doctor_id, appointment_date, start_time, end_time,
         buffer_before_minutes, buffer_after_minutes, opd_session_id)), '[]')::text AS busy
    FROM appointment_entities
   WHERE doctor_id = ANY(?::bigint[]) AND appointment_date BETWEEN ?::date AND ?::date AND status NOT IN ('CANCELLED', 'NO_SHOW')`;

/** The times some doctors are booked (all but CANCELLED and NO_SHOW, as the doctor's constraint) over a date range, with their buffers: what free slots need, nothing more. */
export async function busyTimesOfDoctors(knex: Knex, doctorIds: readonly number[], from: string, to: string): Promise<BusyTime[]> {
  const { rows } = await knex.raw(BUSY_TIMES_SQL, [[...doctorIds], from, to]);
  const busy: [number, string, string, string, number, number, number | null][] = JSON.parse(rows[0].busy);
  return busy.map(([doctorId, date, startTime, endTime, bufferBeforeMinutes, bufferAfterMinutes, sessionId]) => ({
    doctorId,
    date,
    startTime,
    endTime,
    bufferBeforeMinutes,
    bufferAfterMinutes,
    sessionId,
  }));
}

/** The times a patient is booked (all but CANCELLED) over a date range. */
export async function busyTimesOfPatient(
  knex: Knex,
  patientId: number,
  from: string,
  to: string,
): Promise<{ date: string; startTime: string; endTime: string }[]> {
  return knex('appointment_entities')
    .where('patient_id', patientId)
    .whereBetween('appointment_date', [from, to])
    .whereNot('status', 'CANCELLED')
    .select('appointment_date as date', 'start_time as startTime', 'end_time as endTime');
}

export interface HistoryEntry {
  appointmentId: number;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  detail?: object | null;
  userId: number | null;
}

const historyRow = (e: HistoryEntry) => ({
  appointment_id: e.appointmentId,
  kind: e.kind,
  from_status: e.fromStatus ?? null,
  to_status: e.toStatus ?? null,
  reason: e.reason ?? null,
  detail: e.detail ? JSON.stringify(e.detail) : null,
  changed_by: e.userId,
});

export async function insertHistory(knex: Knex, entries: readonly HistoryEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await knex('appointment_history').insert(entries.map(historyRow)).returning('id');
  return rows.map((r: { id: number }) => r.id);
}

/** Cancels SCHEDULED appointments with one reason, recording each in the history. */
export async function cancelAppointments(trx: Knex, ids: readonly number[], reason: string, userId: number | null): Promise<number> {
  if (ids.length === 0) return 0;
  const rows: { id: number }[] = await trx('appointment_entities')
    .whereIn('id', ids)
    .where('status', 'SCHEDULED')
    .update({ status: 'CANCELLED', cancel_reason: reason, updated_at: trx.fn.now() })
    .returning('id');
  await insertHistory(
    trx,
    rows.map((r) => ({ appointmentId: r.id, kind: 'STATUS', fromStatus: 'SCHEDULED', toStatus: 'CANCELLED', reason, userId })),
  );
  return rows.length;
}

/** Appointments as the screens show them; `from` is the table, or a CTE of its rows. */
function viewQuery(knex: Knex, from = 'appointment_entities') {
  return knex({ a: from })
    .join('patient_entities as p', 'p.id', 'a.patient_id')
    .join('doctor_entities as d', 'd.id', 'a.doctor_id')
    .leftJoin('appointment_types as t', 't.id', 'a.appointment_type_id')
    .leftJoin('opd_sessions as s', 's.id', 'a.opd_session_id')
    .select(
      'a.id',
      'a.patient_id as patientId',
      'p.name as patientName',
      'p.phone as patientPhone',
      'a.doctor_id as doctorId',
      'd.name as doctorName',
      'a.appointment_date as date',
      'a.start_time as startTime',
      'a.end_time as endTime',
      'a.status',
      'a.reason',
      'a.checked_in_at as checkedInAt',
      'a.completed_at as completedAt',
      'a.token_no as tokenNo',
      'a.is_walk_in as isWalkIn',
      'a.cancel_reason as cancelReason',
      'a.override_reason as overrideReason',
      'a.appointment_type_id as appointmentTypeId',
      't.name as appointmentTypeName',
      't.colour',
      'a.fee',
      'a.buffer_before_minutes as bufferBeforeMinutes',
      'a.buffer_after_minutes as bufferAfterMinutes',
      'a.series_id as seriesId',
      'a.opd_session_id as sessionId',
      'a.session_token as sessionToken',
      knex.raw('COALESCE(s.room, d.room) AS room'),
    );
}

export async function findAppointment(knex: Knex, id: number): Promise<AppointmentDto | undefined> {
  return viewQuery(knex).where('a.id', id).first();
}

/** A series' appointments, in date order. */
export async function appointmentsOfSeries(knex: Knex, seriesId: number): Promise<AppointmentDto[]> {
  return viewQuery(knex)
    .where('a.series_id', seriesId)
    .orderBy([{ column: 'a.appointment_date' }, { column: 'a.start_time' }]);
}

// A day's order: by date, start, doctor (then id, so equal starts never swap between reads).
// Dates and times are fixed-width texts, so their order as strings is their order in time.
function inDayOrder(a: AppointmentDto, b: AppointmentDto): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  return a.doctorId - b.doctorId || a.id - b.id;
}

/**
 * The schedule's read of a day or a week: one text whatever the doctors, so it can stay
 * prepared. Put in order here rather than by the database: sorting the joined rows, every
 * column wide, was about a fifth of the read's time in PGlite.
 */
export async function listAppointments(knex: Knex, doctorIds: readonly number[], from: string, to: string): Promise<AppointmentDto[]> {
  const rows = (await runPrepared(
    knex,
    'appointments.list',
    (p) => viewQuery(knex).whereRaw('a.doctor_id = ANY(?::bigint[])', [p.doctorIds]).whereBetween('a.appointment_date', [p.from, p.to]),
    { doctorIds: [...doctorIds], from, to },
  )) as AppointmentDto[];
  return rows.sort(inDayOrder);
}

export interface NewAppointment {
  patientId: number;
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  reason: string | null;
  /** Null when no desk booked it: a patient's YES to an offer of freed time. */
  bookedBy: number | null;
  overrideReason: string | null;
  isWalkIn?: boolean;
  /** Booked as a type: its fee and buffers are kept on the appointment. */
  type?: BookedType | null;
  seriesId?: number | null;
  /** A token of this OPD session: the database issues its number and sets its date and time. */
  opdSessionId?: number | null;
  /** Goes ahead in the queue from the start, with its reason; only an emergency may take a session's reserved tokens. */
  priority?: { kind: Priority; reason: string } | null;
}

interface BookedType {
  id: number;
  fee: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

const typeColumns = (t: BookedType | null | undefined) => ({
  appointment_type_id: t?.id ?? null,
  fee: t?.fee ?? null,
  buffer_before_minutes: t?.bufferBeforeMinutes ?? 0,
  buffer_after_minutes: t?.bufferAfterMinutes ?? 0,
});

/** The columns a change of type (or of a typed appointment's doctor) sets. */
export const typeChanges = typeColumns;

export async function insertAppointment(knex: Knex, a: NewAppointment): Promise<number> {
  const [row] = await knex('appointment_entities')
    .insert({
      patient_id: a.patientId,
      doctor_id: a.doctorId,
      appointment_date: a.date,
      start_time: a.startTime,
      end_time: a.endTime,
      reason: a.reason,
      booked_by: a.bookedBy,
      override_reason: a.overrideReason,
      is_walk_in: a.isWalkIn ?? false,
      ...typeColumns(a.type),
      series_id: a.seriesId ?? null,
      opd_session_id: a.opdSessionId ?? null,
      priority: a.priority?.kind ?? null,
      priority_reason: a.priority?.reason ?? null,
    })
    .returning('id');
  return row.id;
}

/**
 * A booking in one statement, so one round trip and one commit: the days' advisory locks, the
 * appointment, its BOOKED history entry, its audit rows, and the appointment as the screens
 * show it. Each step selects from the one before, which fixes their order: the insert waits
 * behind a concurrent booking of the same day, then meets that booking's committed row in the
 * exclusion constraints (23P01), as the transaction of lockDays + insertAppointment would.
 */
export async function insertBooking(
  knex: Knex,
  a: NewAppointment,
  lockKeys: readonly string[],
  history: Omit<HistoryEntry, 'appointmentId'>,
  audits: readonly AuditRecord[],
): Promise<AppointmentDto> {
  const keys = [...new Set(lockKeys)].sort();
  const h = historyRow({ ...history, appointmentId: 0 });
  const t = typeColumns(a.type);
  const values = {
    ...Object.fromEntries(keys.map((k, i) => [`lock${i}`, `clinic-desk:${k}`])),
    patientId: a.patientId,
    doctorId: a.doctorId,
    appointmentDate: a.date,
    startTime: a.startTime,
    endTime: a.endTime,
    reason: a.reason,
    bookedBy: a.bookedBy,
    overrideReason: a.overrideReason,
    isWalkIn: a.isWalkIn ?? false,
    appointmentTypeId: t.appointment_type_id,
    fee: t.fee,
    bufferBefore: t.buffer_before_minutes,
    bufferAfter: t.buffer_after_minutes,
    opdSessionId: a.opdSessionId ?? null,
    priority: a.priority?.kind ?? null,
    priorityReason: a.priority?.reason ?? null,
    kind: h.kind,
    fromStatus: h.from_status,
    toStatus: h.to_status,
    historyReason: h.reason,
    detail: h.detail,
    changedBy: h.changed_by,
    audits: auditRows(audits),
  };
  // The number of locks is the text's only part that can vary.
  const view = await runPrepared(
    knex,
    `appointments.book.${keys.length}`,
    (p) =>
      viewQuery(knex, 'booked')
        .with('locked', knex.raw(`SELECT ${keys.map((_, i) => `pg_advisory_xact_lock(hashtext(:lock${i})) AS l${i}`).join(', ')}`, p))
        .with(
          'booked',
          knex.raw(
            `INSERT INTO appointment_entities (patient_id, doctor_id, appointment_date, start_time, end_time, reason, booked_by, override_reason, is_walk_in,
                                               appointment_type_id, fee, buffer_before_minutes, buffer_after_minutes, opd_session_id, priority, priority_reason)
             SELECT :patientId::bigint, :doctorId::bigint, :appointmentDate::date, :startTime::time, :endTime::time, :reason::text, :bookedBy::bigint, :overrideReason::text, :isWalkIn::boolean,
                    :appointmentTypeId::bigint, :fee::numeric, :bufferBefore::int, :bufferAfter::int, :opdSessionId::bigint,
                    :priority::text, :priorityReason::text
               FROM locked RETURNING *`,
            p,
          ),
        )
        .with(
          'history',
          knex.raw(
            `INSERT INTO appointment_history (appointment_id, kind, from_status, to_status, reason, detail, changed_by)
             SELECT booked.id, :kind::text, :fromStatus::text, :toStatus::text, :historyReason::text, :detail::jsonb, :changedBy::bigint FROM booked`,
            p,
          ),
        )
        .with('audited', insertAuditOf(knex, 'booked', p.audits))
        .first(),
    values,
  );
  return view as AppointmentDto;
}

/** Applies a change only while the appointment is still in the expected status; false when it no longer is. */
export async function updateAppointmentIf(knex: Knex, id: number, expectedStatus: string | null, changes: Record<string, unknown>): Promise<boolean> {
  const rows = await knex('appointment_entities')
    .where({ id })
    .modify((q) => {
      if (expectedStatus) q.where('status', expectedStatus);
    })
    .update({ ...changes, updated_at: knex.fn.now() })
    .returning('id');
  return rows.length > 0;
}

/**
 * The live appointment a booking would overlap (of the doctor, or of the patient). A doctor's
 * appointments are compared with their buffers, as the exclusion constraint compares them.
 */
export async function findClash(
  knex: Knex,
  who: { doctorId: number } | { patientId: number },
  slot: { date: string; startTime: string; endTime: string; bufferBeforeMinutes?: number; bufferAfterMinutes?: number },
  excludeId: number | null,
): Promise<AppointmentDto | undefined> {
  const byDoctor = 'doctorId' in who;
  const before = byDoctor ? (slot.bufferBeforeMinutes ?? 0) : 0;
  const after = byDoctor ? (slot.bufferAfterMinutes ?? 0) : 0;
  const [theirBefore, theirAfter] = byDoctor ? ['a.buffer_before_minutes', 'a.buffer_after_minutes'] : ['0', '0'];
  return viewQuery(knex)
    .where(byDoctor ? { 'a.doctor_id': who.doctorId } : { 'a.patient_id': who.patientId })
    .whereBetween('a.appointment_date', [shiftDay(slot.date, -1), shiftDay(slot.date, 1)])
    .whereNot('a.status', 'CANCELLED')
    .whereRaw(
      `tsrange(a.appointment_date + a.start_time - ${theirBefore} * interval '1 minute', a.appointment_date + a.end_time + ${theirAfter} * interval '1 minute')
       && tsrange(:slotDay::date + :startsAt::time - :before::int * interval '1 minute', :slotDay::date + :endsAt::time + :after::int * interval '1 minute')`,
      { slotDay: slot.date, startsAt: slot.startTime, before, endsAt: slot.endTime, after },
    )
    .modify((q) => {
      if (excludeId) q.whereNot('a.id', excludeId);
    })
    .orderBy([{ column: 'a.appointment_date' }, { column: 'a.start_time' }])
    .first();
}

export interface HistoryRow {
  id: number;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  changedBy: number | null;
  changedByName: string | null;
  changedAt: string;
  undoneAt: string | null;
}

const HISTORY_COLUMNS = [
  'h.id',
  'h.kind',
  'h.from_status as fromStatus',
  'h.to_status as toStatus',
  'h.reason',
  'h.detail',
  'h.changed_by as changedBy',
  'h.changed_at as changedAt',
] as const;

export async function historyOf(knex: Knex, appointmentId: number): Promise<HistoryRow[]> {
  return knex('appointment_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .where('h.appointment_id', appointmentId)
    .select(...HISTORY_COLUMNS, knex.raw('NULLIF(u.display_name, \'\') AS "changedByName"'), 'h.undone_at as undoneAt')
    .orderBy('h.id');
}

/** The newest change to an appointment, if it is this user's, still standing and recent enough to undo. */
export async function lastUndoableChange(knex: Knex, appointmentId: number, userId: number, windowMinutes: number): Promise<HistoryRow | undefined> {
  const last: (HistoryRow & { undoable: boolean }) | undefined = await knex('appointment_history as h')
    .where('h.appointment_id', appointmentId)
    .whereNot('h.kind', 'UNDONE')
    .whereNull('h.undone_at')
    .select(...HISTORY_COLUMNS, knex.raw('h.changed_at > now() - make_interval(mins => ?) AS undoable', [windowMinutes]))
    .orderBy('h.id', 'desc')
    .first();
  if (!last || last.changedBy !== userId || !last.undoable || last.kind === 'BOOKED') return undefined;
  return last;
}

export async function markUndone(knex: Knex, historyId: number): Promise<void> {
  await knex('appointment_history').where({ id: historyId }).update({ undone_at: knex.fn.now() });
}

/**
 * The next queue number of a doctor's day for a patient without a session token: after every
 * number given that day and every number the day's sessions keep for their tokens, so a slot
 * patient's number never repeats a token. The caller holds the day's advisory lock.
 */
export async function nextToken(knex: Knex, doctorId: number, date: string): Promise<number> {
  const { rows } = await knex.raw<{ rows: { next: number }[] }>(
    `SELECT 1 + greatest(
              (SELECT coalesce(max(token_no), 0) FROM appointment_entities WHERE doctor_id = :doctorId AND appointment_date = :date),
              (SELECT coalesce(max(first_token + capacity - 1), 0) FROM opd_sessions WHERE doctor_id = :doctorId AND date = :date)) AS next`,
    { doctorId, date },
  );
  return Number(rows[0]!.next);
}

export const doctorDay = (doctorId: number, date: string) => `doctor:${doctorId}:${date}`;
export const patientDay = (patientId: number, date: string) => `patient:${patientId}:${date}`;

/**
 * Serialises writes to the same doctor's or patient's day for the rest of the transaction.
 * Without it, two bookings that clash on both exclusion constraints wait on each other and
 * PostgreSQL aborts one as a deadlock; with it the second simply sees the first and gets a
 * clean CONFLICT. Locks are taken in one global order, so they cannot deadlock themselves.
 */
export async function lockDays(knex: Knex, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await knex.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`clinic-desk:${key}`]);
  }
}

/** Where a checked-in patient stands in the waiting room, besides the appointment itself. */
export interface QueueRow extends AppointmentDto {
  calledAt: string | null;
  consultStartedAt: string | null;
  skippedAt: string | null;
  priority: Priority | null;
  priorityReason: string | null;
}

/**
 * The order "Call next" takes waiting tokens in, as SQL with one binding (the clinic's time now):
 * tokens of a session that has not started yet wait until everybody else is seen (an evening
 * token who came early does not go before the morning's), emergencies excepted; then those
 * skipped ("recall later") after everybody present, in the order they were skipped; within
 * each, emergencies, then other priority tokens, then the rest, by token number. One fragment
 * for the call, the queue and the display.
 */
export const CALL_ORDER = `(a.priority IS DISTINCT FROM 'EMERGENCY' AND (SELECT s.start_time > ?::time FROM opd_sessions s WHERE s.id = a.opd_session_id) IS TRUE),
  a.skipped_at NULLS FIRST, CASE WHEN a.priority = 'EMERGENCY' THEN 0 WHEN a.priority IS NOT NULL THEN 1 ELSE 2 END, a.token_no`;

/**
 * Today's appointments that count for the queue: checked in, or completed (for consultation
 * lengths); per doctor, those called or with the doctor first, then the waiting in call order.
 */
export async function queueDay(knex: Knex, date: string, time: string, doctorId?: number): Promise<QueueRow[]> {
  return viewQuery(knex)
    .select(
      'a.called_at as calledAt',
      'a.consult_started_at as consultStartedAt',
      'a.skipped_at as skippedAt',
      'a.priority',
      'a.priority_reason as priorityReason',
    )
    .where('a.appointment_date', date)
    .whereNotNull('a.checked_in_at')
    .whereIn('a.status', ['SCHEDULED', 'COMPLETED'])
    .modify((q) => {
      if (doctorId) q.where('a.doctor_id', doctorId);
    })
    .orderBy('a.doctor_id')
    .orderByRaw(`a.called_at NULLS LAST, ${CALL_ORDER}`, [time]);
}
