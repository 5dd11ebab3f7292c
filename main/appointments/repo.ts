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
