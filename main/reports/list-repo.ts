import type { Knex } from 'knex';
import type { ReportFilters } from '../../preload/contract';

// The raw lists behind exports, read a page at a time by keyset (never OFFSET, never one
// transaction held open), so a 100,000-row export keeps memory flat and, on the embedded
// database's single connection, lets the desk's own calls in between pages. Small pages: a page
// lives while its rows are written, and one of thousands of rows outlived the young collections
// and was promoted, so each page became old garbage that piled up until a full collection
// (main's RSS grew by about as much as the whole export; README, Performance, session 24).

export const EXPORT_PAGE = 250;

export interface AppointmentLine {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  tokenNo: number | null;
  doctorName: string;
  specialization: string | null;
  patientId: number;
  patientName: string;
  phone: string | null;
  status: string;
  reason: string | null;
  isWalkIn: boolean;
  bookedBy: string | null;
  cancelReason: string | null;
}

/** Appointments on the filters' days, in date and time order; `after` is the last line of the previous page. */
export async function appointmentPage(knex: Knex, f: ReportFilters, after: AppointmentLine | undefined): Promise<AppointmentLine[]> {
  return knex('appointment_entities as a')
    .join('doctor_entities as d', 'd.id', 'a.doctor_id')
    .join('patient_entities as pt', 'pt.id', 'a.patient_id')
    .leftJoin('users as u', 'u.id', 'a.booked_by')
    .whereBetween('a.appointment_date', [f.from, f.to])
    .modify((q) => {
      if (f.doctorId !== undefined) q.where('a.doctor_id', f.doctorId);
      if (f.specialization !== undefined) q.where('d.specialization', f.specialization);
      if (f.appointmentTypeIds !== undefined) q.whereIn('a.appointment_type_id', f.appointmentTypeIds);
      if (f.userId !== undefined) q.where('a.booked_by', f.userId);
      if (after) q.whereRaw('(a.appointment_date, a.start_time, a.id) > (?::date, ?::time, ?)', [after.date, after.startTime, after.id]);
    })
    .select(
      'a.id',
      'a.appointment_date as date',
      'a.start_time as startTime',
      'a.end_time as endTime',
      'a.token_no as tokenNo',
      'd.name as doctorName',
      'd.specialization',
      'pt.id as patientId',
      'pt.name as patientName',
      'pt.phone',
      'a.status',
      'a.reason',
      'a.is_walk_in as isWalkIn',
      knex.raw(`COALESCE(NULLIF(u.display_name, ''), u.email) AS "bookedBy"`),
      'a.cancel_reason as cancelReason',
    )
    .orderBy([{ column: 'a.appointment_date' }, { column: 'a.start_time' }, { column: 'a.id' }])
    .limit(EXPORT_PAGE);
}

export interface PaymentLine {
  id: number;
  receiptNumber: string | null;
  receivedAt: string;
  kind: 'PAYMENT' | 'REFUND';
  amount: string;
  currency: string;
  method: string | null;
  reference: string | null;
  status: string;
  patientName: string;
  doctorName: string;
  appointmentDate: string;
  receivedBy: string | null;
  note: string | null;
}

/** Payments and refunds received on the filters' clinic days (the revenue report's rows), in id order. */
export async function paymentPage(knex: Knex, f: ReportFilters, timeZone: string, after: PaymentLine | undefined): Promise<PaymentLine[]> {
  const start = (d: string, plus: number) => knex.raw('((?::date + ?::int)::timestamp AT TIME ZONE ?)', [d, plus, timeZone]);
  const startUtc = (d: string, plus: number) => knex.raw(`(((?::date + ?::int)::timestamp AT TIME ZONE ?) AT TIME ZONE 'UTC')`, [d, plus, timeZone]);
  return knex('payments as p')
    .join('appointment_entities as a', 'a.id', 'p.appointment_id')
    .join('doctor_entities as d', 'd.id', 'a.doctor_id')
    .join('patient_entities as pt', 'pt.id', 'a.patient_id')
    .leftJoin('users as u', 'u.id', 'p.received_by')
    .whereIn('p.status', ['PAID', 'REFUNDED'])
    .where((w) =>
      w
        .where((x) => x.where('p.paid_at', '>=', start(f.from, 0)).where('p.paid_at', '<', start(f.to, 1)))
        .orWhere((x) => x.whereNull('p.paid_at').where('p.created_at', '>=', startUtc(f.from, 0)).where('p.created_at', '<', startUtc(f.to, 1))),
    )
    .modify((q) => {
      if (f.doctorId !== undefined) q.where('a.doctor_id', f.doctorId);
      if (f.specialization !== undefined) q.where('d.specialization', f.specialization);
      if (f.appointmentTypeIds !== undefined) q.whereIn('a.appointment_type_id', f.appointmentTypeIds);
      if (f.userId !== undefined) q.where('p.received_by', f.userId);
      if (after) q.where('p.id', '>', after.id);
    })
    .select(
      'p.id',
      'p.order_id as receiptNumber',
      knex.raw(`to_char(COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC') AT TIME ZONE ?, 'YYYY-MM-DD HH24:MI') AS "receivedAt"`, [timeZone]),
      knex.raw(`CASE WHEN p.refund_of IS NULL THEN 'PAYMENT' ELSE 'REFUND' END AS kind`),
      'p.amount',
      'p.currency',
      'p.payment_method as method',
      'p.transaction_id as reference',
      'p.status',
      'pt.name as patientName',
      'd.name as doctorName',
      'a.appointment_date as appointmentDate',
      knex.raw(`COALESCE(NULLIF(u.display_name, ''), u.email) AS "receivedBy"`),
      'p.note',
    )
    .orderBy('p.id')
    .limit(EXPORT_PAGE);
}

export interface PatientLine {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  address: string | null;
  registered: string;
}

/** Patients registered on the filters' clinic days (no medical history: that never leaves in a list). */
export async function patientPage(knex: Knex, f: ReportFilters, timeZone: string, after: PatientLine | undefined): Promise<PatientLine[]> {
  const startUtc = (d: string, plus: number) => knex.raw(`(((?::date + ?::int)::timestamp AT TIME ZONE ?) AT TIME ZONE 'UTC')`, [d, plus, timeZone]);
  return knex('patient_entities as pt')
    .where('pt.created_at', '>=', startUtc(f.from, 0))
    .where('pt.created_at', '<', startUtc(f.to, 1))
    .modify((q) => {
      if (after) q.where('pt.id', '>', after.id);
    })
    .select(
      'pt.id',
      'pt.name',
      'pt.phone',
      'pt.email',
      'pt.date_of_birth as dateOfBirth',
      'pt.gender',
      'pt.address',
      knex.raw(`to_char((pt.created_at AT TIME ZONE 'UTC') AT TIME ZONE ?, 'YYYY-MM-DD') AS registered`, [timeZone]),
    )
    .orderBy('pt.id')
    .limit(EXPORT_PAGE);
}
