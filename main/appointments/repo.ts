import type { Knex } from 'knex';

export interface PatientAppointment {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  status: string;
  doctorId: number;
  doctorName: string;
  reason: string | null;
}

/** A patient's appointments split at the clinic's current date and time. */
export async function appointmentsOfPatient(
  knex: Knex,
  patientId: number,
  now: { date: string; time: string },
): Promise<{ upcoming: PatientAppointment[]; past: PatientAppointment[] }> {
  const rows: (PatientAppointment & { upcoming: boolean })[] = await knex('appointment_entities as a')
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
  const strip = ({ upcoming: _u, ...a }: PatientAppointment & { upcoming: boolean }) => a;
  return {
    upcoming: rows.filter((r) => r.upcoming).map(strip),
    past: rows.filter((r) => !r.upcoming).map(strip).reverse(),
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
  return knex('appointment_entities as a')
    .join('patient_entities as p', 'p.id', 'a.patient_id')
    .whereIn('a.doctor_id', doctorIds)
    .whereBetween('a.appointment_date', [from, to])
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

export async function insertHistory(
  knex: Knex,
  entries: readonly { appointmentId: number; kind: string; fromStatus?: string | null; toStatus?: string | null; reason?: string | null; detail?: object | null; userId: number | null }[],
): Promise<number[]> {
  if (entries.length === 0) return [];
  const rows = await knex('appointment_history')
    .insert(
      entries.map((e) => ({
        appointment_id: e.appointmentId,
        kind: e.kind,
        from_status: e.fromStatus ?? null,
        to_status: e.toStatus ?? null,
        reason: e.reason ?? null,
        detail: e.detail ? JSON.stringify(e.detail) : null,
        changed_by: e.userId,
      })),
    )
    .returning('id');
  return rows.map((r: { id: number }) => r.id);
}

/** Cancels SCHEDULED appointments with one reason, recording each in the history. */
export async function cancelAppointments(trx: Knex, ids: readonly number[], reason: string, userId: number): Promise<number> {
  if (ids.length === 0) return 0;
  const rows: { id: number }[] = await trx('appointment_entities')
    .whereIn('id', ids)
    .where('status', 'SCHEDULED')
    .update({ status: 'CANCELLED', cancel_reason: reason, updated_at: trx.fn.now() })
    .returning('id');
  await insertHistory(trx, rows.map((r) => ({ appointmentId: r.id, kind: 'STATUS', fromStatus: 'SCHEDULED', toStatus: 'CANCELLED', reason, userId })));
  return rows.length;
}
