import type { Knex } from 'knex';
import {
  AGE_BUCKETS,
  type AttendanceDto,
  type DuesDto,
  type PatientMixDto,
  type ReportFilters,
  type RevenueDto,
  type StatusOverTimeDto,
  type UtilisationDto,
} from '../../preload/contract';
import { leadTimeOf } from './lead-time';

// Every figure is computed in SQL, so a year of a clinic chain never travels to Node row by
// row. Money stays NUMERIC and reaches JS as pg's exact decimal strings. Dates are the
// clinic's wall-clock dates (appointments are stored that way); instants (payments, bookings)
// are turned into clinic dates with the zone passed in.

type Period = StatusOverTimeDto['period'];

/** A WHERE fragment and its bindings; fragments are fixed text, values always bindings. */
interface Fragment {
  sql: string;
  bindings: Knex.RawBinding[];
}

function and(parts: (Fragment | false)[]): Fragment {
  const kept = parts.filter((p): p is Fragment => p !== false);
  return { sql: kept.map((p) => `(${p.sql})`).join(' AND ') || 'true', bindings: kept.flatMap((p) => p.bindings) };
}

/** Appointments `a` of any of the types; an untyped appointment is of none. */
function typeFilter(typeIds: readonly number[] | undefined): Fragment | false {
  return typeIds !== undefined && { sql: 'a.appointment_type_id = ANY(?::bigint[])', bindings: [[...typeIds]] };
}

/** Appointments `a` (joined to their doctor `d`) on the filters' days, doctor, specialization, type and booking user. */
function appointmentFilter(f: ReportFilters): Fragment {
  return and([
    { sql: 'a.appointment_date BETWEEN ?::date AND ?::date', bindings: [f.from, f.to] },
    f.doctorId !== undefined && { sql: 'a.doctor_id = ?', bindings: [f.doctorId] },
    f.specialization !== undefined && { sql: 'd.specialization = ?', bindings: [f.specialization] },
    typeFilter(f.appointmentTypeIds),
    f.userId !== undefined && { sql: 'a.booked_by = ?', bindings: [f.userId] },
  ]);
}

/**
 * FROM and WHERE of the filters' appointments `a`, for a report that needs nothing of the doctor
 * but the filter: the doctor `d` is joined only when a specialization is asked for, so a year's
 * rows do not carry the join (every appointment has its doctor).
 */
function filteredAppointments(f: ReportFilters): { from: string; where: Fragment } {
  const doctor = f.specialization !== undefined ? ' JOIN doctor_entities d ON d.id = a.doctor_id' : '';
  return { from: `FROM appointment_entities a${doctor}`, where: appointmentFilter(f) };
}

/**
 * Up to a quarter, a report looks each row's appointment or balance up by its key; over a longer
 * range it reads them all in one pass. The planner prices a month's lookups above a walk through
 * the whole table (EXPLAIN ANALYZE at 1M patients: the month's revenue and dues each spent most of
 * their time so), while over half a year the one pass is the faster. OFFSET 0 keeps a lookup a
 * lookup: the planner would otherwise fold it back into the join it prefers.
 */
const LOOKUP_DAYS = 92;
const byLookup = (f: ReportFilters) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 < LOOKUP_DAYS;

/**
 * Payments `p` of appointments `a` / doctors `d` whose money changed hands on the filters' clinic
 * days: at paid_at, or at created_at (a TIMESTAMP holding UTC) for rows from before paid_at
 * existed — the payments module's rule. The type is the appointment's.
 */
function receivedFilter(f: ReportFilters, timeZone: string): Fragment {
  const start = `((?::date)::timestamp AT TIME ZONE ?)`;
  const end = `((?::date + 1)::timestamp AT TIME ZONE ?)`;
  return and([
    { sql: `p.status IN ('PAID', 'REFUNDED')`, bindings: [] },
    // Two indexable ranges rather than one on the COALESCE.
    {
      sql: `(p.paid_at >= ${start} AND p.paid_at < ${end})
         OR (p.paid_at IS NULL AND p.created_at >= (${start} AT TIME ZONE 'UTC') AND p.created_at < (${end} AT TIME ZONE 'UTC'))`,
      bindings: [f.from, timeZone, f.to, timeZone, f.from, timeZone, f.to, timeZone],
    },
    f.doctorId !== undefined && { sql: 'a.doctor_id = ?', bindings: [f.doctorId] },
    f.specialization !== undefined && { sql: 'd.specialization = ?', bindings: [f.specialization] },
    typeFilter(f.appointmentTypeIds),
    f.userId !== undefined && { sql: 'p.received_by = ?', bindings: [f.userId] },
  ]);
}

const STATUS_COUNTS = `
  count(*) FILTER (WHERE a.status = 'SCHEDULED')::int AS scheduled,
  count(*) FILTER (WHERE a.status = 'COMPLETED')::int AS completed,
  count(*) FILTER (WHERE a.status = 'CANCELLED')::int AS cancelled,
  count(*) FILTER (WHERE a.status = 'NO_SHOW')::int AS "noShow",
  count(*)::int AS total`;

const RATE_COUNTS = `
  count(*)::int AS total,
  count(*) FILTER (WHERE a.status = 'NO_SHOW')::int AS "noShows",
  count(*) FILTER (WHERE a.status = 'CANCELLED')::int AS cancellations`;

/** The start of the period (bound first) holding a date: truncated as a timestamp, with no time zone to apply. */
const periodOf = (date: string) => `date_trunc(?, ${date}::timestamp)::date`;

async function rows<T>(knex: Knex, sql: string, bindings: readonly Knex.RawBinding[] | Knex.ValueDict): Promise<T[]> {
  return (await knex.raw(sql, bindings)).rows as T[];
}

export async function statusOverTime(knex: Knex, f: ReportFilters, period: Period): Promise<StatusOverTimeDto['rows']> {
  const { from, where } = filteredAppointments(f);
  return rows(
    knex,
    `SELECT to_char(${periodOf('a.appointment_date')}, 'YYYY-MM-DD') AS start, ${STATUS_COUNTS}
       ${from}
      WHERE ${where.sql}
      GROUP BY 1 ORDER BY 1`,
    [period, ...where.bindings],
  );
}

/**
 * No-shows and cancellations per doctor and per weekday × hour, and how far ahead appointments
 * were booked, in one pass over the range: lead time is counted per day of lead and summed up
 * in `leadTimeOf`. Lead time runs from the clinic's date the booking was made (created_at holds
 * UTC) to the visit's date; walk-ins and rows entered after their date (back-filled history) say
 * nothing about it.
 */
export async function attendance(knex: Knex, f: ReportFilters, timeZone: string): Promise<AttendanceDto> {
  const { from, where } = filteredAppointments(f);
  const counts = await rows<{
    level: number;
    doctorId: number | null;
    doctorName: string | null;
    weekday: number | null;
    hour: number | null;
    lead: number | null;
    total: number;
    noShows: number;
    cancellations: number;
  }>(
    knex,
    // The doctors' names are looked up for their rows of counts, not carried by every appointment.
    `SELECT g.level, g.doctor_id AS "doctorId", dn.name AS "doctorName", g.weekday, g.hour, g.lead, g.total, g."noShows", g.cancellations
       FROM (SELECT GROUPING(a.doctor_id, a.weekday, a.hour, a.lead)::int AS level, a.doctor_id, a.weekday, a.hour, a.lead, ${RATE_COUNTS}
               FROM (SELECT a.doctor_id, extract(isodow FROM a.appointment_date)::int AS weekday, extract(hour FROM a.start_time)::int AS hour, a.status,
                            CASE WHEN NOT a.is_walk_in THEN a.appointment_date - ((a.created_at AT TIME ZONE 'UTC') AT TIME ZONE ?)::date END AS lead
                       ${from} WHERE ${where.sql}) a
              GROUP BY GROUPING SETS ((a.doctor_id), (a.weekday, a.hour), (a.lead))) g
       LEFT JOIN doctor_entities dn ON dn.id = g.doctor_id
      ORDER BY dn.name, g.doctor_id, g.weekday, g.hour, g.lead`,
    [timeZone, ...where.bindings],
  );
  // GROUPING(doctor, weekday, hour, lead) is a bit mask of the columns left out: 7 = per doctor,
  // 9 = per weekday and hour, 14 = per day of lead.
  const byDoctor = counts
    .filter((c) => c.level === 7)
    .map(({ doctorId, doctorName, total, noShows, cancellations }) => ({ doctorId: doctorId!, doctorName: doctorName ?? '', total, noShows, cancellations }));
  const heatMap = counts
    .filter((c) => c.level === 9)
    .map(({ weekday, hour, total, noShows, cancellations }) => ({ weekday: weekday!, hour: hour!, total, noShows, cancellations }));
  const leadTime = leadTimeOf(counts.filter((c) => c.level === 14 && c.lead !== null && c.lead >= 0).map((c) => ({ days: c.lead!, count: c.total })));
  return { byDoctor, heatMap, leadTime };
}

/**
 * Per doctor: minutes of working windows less leave (overlapping windows counted once, through
 * multiranges), minutes booked (all but CANCELLED) and seen (COMPLETED). The user and type
 * filters are the appointments', so they narrow booked and seen time, not the doctor's hours:
 * a doctor's hours are not set aside per type.
 */
export async function utilisation(knex: Knex, f: ReportFilters): Promise<UtilisationDto['rows']> {
  const booked = filteredAppointments(f);
  const doctorWhere = and([
    f.doctorId !== undefined && { sql: 'd.id = ?', bindings: [f.doctorId] },
    f.specialization !== undefined && { sql: 'd.specialization = ?', bindings: [f.specialization] },
  ]);
  return rows(
    knex,
    `WITH days AS (
       SELECT w.doctor_id, w.date,
              range_agg(tsrange(w.date + w.start_time, w.date + w.end_time)) FILTER (WHERE w.is_available) AS open,
              range_agg(tsrange(w.date + w.start_time, w.date + w.end_time)) FILTER (WHERE NOT w.is_available) AS leave
         FROM doctor_availabilities w JOIN doctor_entities d ON d.id = w.doctor_id
        WHERE w.date BETWEEN ?::date AND ?::date AND ${doctorWhere.sql}
        GROUP BY w.doctor_id, w.date),
     available AS (
       SELECT days.doctor_id, COALESCE(sum(extract(epoch FROM upper(r) - lower(r))) / 60, 0)::int AS minutes
         FROM days, unnest(COALESCE(days.open, '{}'::tsmultirange) - COALESCE(days.leave, '{}'::tsmultirange)) AS r
        GROUP BY days.doctor_id),
     booked AS (
       SELECT a.doctor_id,
              (COALESCE(sum(extract(epoch FROM a.end_time - a.start_time)) FILTER (WHERE a.status <> 'CANCELLED'), 0) / 60)::int AS booked,
              (COALESCE(sum(extract(epoch FROM a.end_time - a.start_time)) FILTER (WHERE a.status = 'COMPLETED'), 0) / 60)::int AS seen
         ${booked.from}
        WHERE ${booked.where.sql}
        GROUP BY a.doctor_id)
     SELECT d.id AS "doctorId", d.name AS "doctorName", COALESCE(av.minutes, 0) AS "availableMinutes",
            COALESCE(b.booked, 0) AS "bookedMinutes", COALESCE(b.seen, 0) AS "seenMinutes"
       FROM doctor_entities d
       LEFT JOIN available av ON av.doctor_id = d.id
       LEFT JOIN booked b ON b.doctor_id = d.id
      WHERE (av.doctor_id IS NOT NULL OR b.doctor_id IS NOT NULL)
      ORDER BY d.name, d.id`,
    [f.from, f.to, ...doctorWhere.bindings, ...booked.where.bindings],
  );
}

type Sums = RevenueDto['totals'][number];
const SUMS = `
  COALESCE(sum(p.amount) FILTER (WHERE p.amount > 0), 0)::numeric(14,2)::text AS received,
  (-COALESCE(sum(p.amount) FILTER (WHERE p.amount < 0), 0))::numeric(14,2)::text AS refunded,
  COALESCE(sum(p.amount), 0)::numeric(14,2)::text AS net,
  count(*) FILTER (WHERE p.amount > 0)::int AS payments,
  count(*) FILTER (WHERE p.amount < 0)::int AS refunds`;

/** Money received per doctor, method and receiving user on the filters' clinic days; refunds netted on the day they were paid out. */
export async function revenue(knex: Knex, f: ReportFilters, timeZone: string): Promise<RevenueDto> {
  const where = receivedFilter(f, timeZone);
  const appointments = byLookup(f)
    ? 'CROSS JOIN LATERAL (SELECT a.doctor_id, a.appointment_type_id FROM appointment_entities a WHERE a.id = p.appointment_id OFFSET 0) a'
    : 'JOIN appointment_entities a ON a.id = p.appointment_id';
  const all = await rows<
    Sums & { level: number; doctorId: number | null; doctorName: string | null; method: string | null; userId: number | null; userName: string | null }
  >(
    knex,
    `WITH s AS (
       SELECT p.currency, a.doctor_id, p.payment_method AS method, p.received_by AS user_id,
              GROUPING(a.doctor_id, p.payment_method, p.received_by)::int AS level, ${SUMS}
         FROM payments p ${appointments} JOIN doctor_entities d ON d.id = a.doctor_id
        WHERE ${where.sql}
        GROUP BY GROUPING SETS ((p.currency), (p.currency, a.doctor_id), (p.currency, p.payment_method), (p.currency, p.received_by)))
     SELECT s.currency, s.level, s.doctor_id AS "doctorId", d.name AS "doctorName", s.method, s.user_id AS "userId",
            COALESCE(NULLIF(u.display_name, ''), u.email) AS "userName", s.received, s.refunded, s.net, s.payments, s.refunds
       FROM s LEFT JOIN doctor_entities d ON d.id = s.doctor_id LEFT JOIN users u ON u.id = s.user_id
      ORDER BY s.currency, d.name, array_position(ARRAY['CASH', 'CARD', 'UPI']::text[], s.method::text), s.method, u.display_name, s.user_id`,
    where.bindings,
  );
  const sums = ({ currency, received, refunded, net, payments, refunds }: Sums): Sums => ({ currency, received, refunded, net, payments, refunds });
  // GROUPING(doctor, method, user) is a bit mask of the columns left out: 7 = per currency,
  // 3 = per doctor, 5 = per method, 6 = per user.
  return {
    totals: all.filter((r) => r.level === 7).map(sums),
    byDoctor: all.filter((r) => r.level === 3).map((r) => ({ doctorId: r.doctorId!, doctorName: r.doctorName ?? '', ...sums(r) })),
    byMethod: all.filter((r) => r.level === 5).map((r) => ({ method: r.method, ...sums(r) })),
    byUser: all.filter((r) => r.level === 6).map((r) => ({ userId: r.userId, userName: r.userName, ...sums(r) })),
  };
}

/**
 * What is owed and what is held, as of the clinic's date `asOf`, for appointments on the
 * filters' days. A seen visit owes its fee less what the clinic holds for it (payments less
 * refunds, PENDING not counted); money held for a visit not seen, or above a seen visit's fee,
 * is an advance.
 */
export async function dues(knex: Knex, f: ReportFilters, timeZone: string, asOf: string): Promise<Omit<DuesDto, 'asOf' | 'currency'>> {
  const where = appointmentFilter(f);
  const balances = byLookup(f)
    ? 'LEFT JOIN LATERAL (SELECT b.balance, b.last_received FROM appointment_balances b WHERE b.appointment_id = a.id OFFSET 0) b ON true'
    : 'LEFT JOIN appointment_balances b ON b.appointment_id = a.id';
  const bucket = (days: string) => `CASE WHEN ${days} <= 30 THEN 0 WHEN ${days} <= 60 THEN 1 WHEN ${days} <= 90 THEN 2 ELSE 3 END`;
  const lines = await rows<{
    kind: 'due' | 'advance' | 'doctor';
    bucket: number | null;
    doctorId: number | null;
    doctorName: string | null;
    appointments: number;
    dues: string;
    advances: string;
  }>(
    knex,
    // What each visit holds is the payments' trigger's appointment_balances: one row per visit
    // with money, so the year's payments are not summed again; only visits that owe or hold
    // something are kept for the three tallies.
    `WITH owed AS (
       SELECT * FROM (
         SELECT a.doctor_id,
                CASE WHEN a.status = 'COMPLETED' AND d.consultation_fee IS NOT NULL THEN GREATEST(d.consultation_fee - COALESCE(b.balance, 0), 0) ELSE 0 END AS due,
                CASE WHEN a.status = 'COMPLETED' AND d.consultation_fee IS NOT NULL THEN GREATEST(COALESCE(b.balance, 0) - d.consultation_fee, 0)
                     WHEN a.status = 'COMPLETED' THEN 0
                     ELSE GREATEST(COALESCE(b.balance, 0), 0) END AS advance,
                ?::date - a.appointment_date AS due_age,
                ?::date - COALESCE((b.last_received AT TIME ZONE ?)::date, a.appointment_date) AS advance_age
           FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
           ${balances}
          WHERE ${where.sql}) o
        WHERE o.due > 0 OR o.advance > 0)
     SELECT 'due' AS kind, ${bucket('o.due_age')} AS bucket, NULL::bigint AS "doctorId", NULL AS "doctorName",
            count(*)::int AS appointments, sum(o.due)::numeric(14,2)::text AS dues, '0.00' AS advances
       FROM owed o WHERE o.due > 0 GROUP BY 2
     UNION ALL
     SELECT 'advance', ${bucket('o.advance_age')}, NULL, NULL,
            count(*)::int, '0.00', sum(o.advance)::numeric(14,2)::text
       FROM owed o WHERE o.advance > 0 GROUP BY 2
     UNION ALL
     SELECT 'doctor', NULL, o.doctor_id, min(d.name), count(*)::int,
            sum(o.due)::numeric(14,2)::text, sum(o.advance)::numeric(14,2)::text
       FROM owed o JOIN doctor_entities d ON d.id = o.doctor_id GROUP BY o.doctor_id
     ORDER BY 1, 2, 4, 3`,
    [asOf, asOf, timeZone, ...where.bindings],
  );
  const aged = (kind: 'due' | 'advance', amount: 'dues' | 'advances') =>
    AGE_BUCKETS.map((label, i) => {
      const line = lines.find((l) => l.kind === kind && l.bucket === i);
      return { bucket: label, appointments: line?.appointments ?? 0, amount: line ? line[amount] : '0.00' };
    });
  return {
    dues: aged('due', 'dues'),
    advances: aged('advance', 'advances'),
    byDoctor: lines
      .filter((l) => l.kind === 'doctor')
      .map((l) => ({ doctorId: l.doctorId!, doctorName: l.doctorName ?? '', dues: l.dues, advances: l.advances })),
  };
}

/**
 * Patients with an appointment (not cancelled) per period: new when it is their first such
 * appointment ever (any doctor), returning otherwise. A patient counts once per period.
 *
 * Counted without pairing each patient's period with their history: the patients seen per period
 * are distinct counts, and the new ones are read from the appointments' trigger's
 * `patient_first_visits`. A patient is new in a period exactly when their first visit ever falls
 * in it (and in the range) and is one of the filtered visits; with no filter but the dates, every
 * first visit is one, so the check is left out.
 */
export async function patientMix(knex: Knex, f: ReportFilters, period: Period): Promise<PatientMixDto['rows']> {
  const { from, where } = filteredAppointments(f);
  const narrowed = f.doctorId !== undefined || f.specialization !== undefined || f.appointmentTypeIds !== undefined || f.userId !== undefined;
  const firstAmongFiltered: Fragment | false = narrowed && {
    sql: `EXISTS (SELECT 1 ${from} WHERE ${where.sql} AND a.status <> 'CANCELLED' AND a.patient_id = fv.patient_id AND a.appointment_date = fv.first_visit)`,
    bindings: where.bindings,
  };
  const fresh = and([{ sql: 'fv.first_visit BETWEEN ?::date AND ?::date', bindings: [f.from, f.to] }, firstAmongFiltered]);
  return rows(
    knex,
    `WITH seen AS (
       SELECT ${periodOf('a.appointment_date')} AS start, count(DISTINCT a.patient_id)::int AS patients
         ${from}
        WHERE ${where.sql} AND a.status <> 'CANCELLED'
        GROUP BY 1),
     fresh AS (
       SELECT ${periodOf('fv.first_visit')} AS start, count(*)::int AS patients
         FROM patient_first_visits fv
        WHERE ${fresh.sql}
        GROUP BY 1)
     SELECT to_char(s.start, 'YYYY-MM-DD') AS start, COALESCE(n.patients, 0) AS "newPatients", s.patients - COALESCE(n.patients, 0) AS "returningPatients"
       FROM seen s LEFT JOIN fresh n ON n.start = s.start
      ORDER BY s.start`,
    [period, ...where.bindings, period, ...fresh.bindings],
  );
}

export interface DaySheetLine {
  doctorId: number;
  doctorName: string;
  specialization: string | null;
  appointmentId: number;
  startTime: string;
  endTime: string;
  tokenNo: number | null;
  patientId: number;
  patientName: string;
  age: number | null;
  reason: string | null;
  phone: string | null;
  status: string;
  paid: string;
  payment: 'PAID' | 'PART' | 'UNPAID';
}

/** A day's appointments (all but CANCELLED) per doctor in time order, with what each has paid. */
export async function daySheet(knex: Knex, date: string, doctorId: number | undefined, typeIds: readonly number[] | undefined): Promise<DaySheetLine[]> {
  const where = and([
    { sql: `a.appointment_date = ?::date AND a.status <> 'CANCELLED'`, bindings: [date] },
    doctorId !== undefined && { sql: 'a.doctor_id = ?', bindings: [doctorId] },
    typeFilter(typeIds),
  ]);
  return rows(
    knex,
    `SELECT d.id AS "doctorId", d.name AS "doctorName", d.specialization, a.id AS "appointmentId",
            to_char(a.start_time, 'HH24:MI') AS "startTime", to_char(a.end_time, 'HH24:MI') AS "endTime",
            a.token_no AS "tokenNo", pt.id AS "patientId", pt.name AS "patientName",
            extract(year FROM age(a.appointment_date, pt.date_of_birth))::int AS age,
            a.reason, pt.phone, a.status, m.held::numeric(14,2)::text AS paid,
            CASE WHEN m.held <= 0 THEN 'UNPAID'
                 WHEN COALESCE(d.consultation_fee, 0) <= m.held THEN 'PAID'
                 ELSE 'PART' END AS payment
       FROM appointment_entities a
       JOIN doctor_entities d ON d.id = a.doctor_id
       JOIN patient_entities pt ON pt.id = a.patient_id
       CROSS JOIN LATERAL (
         SELECT COALESCE(sum(p.amount) FILTER (WHERE p.status IN ('PAID', 'REFUNDED')), 0) AS held
           FROM payments p WHERE p.appointment_id = a.id) m
      WHERE ${where.sql}
      ORDER BY d.name, d.id, a.start_time, a.token_no NULLS LAST, a.id`,
    where.bindings,
  );
}

export interface CalendarEntry {
  id: number;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  updatedAt: string;
  status: string;
  patientName: string;
  reason: string | null;
  tokenNo: number | null;
}

/** The clinic's appointments of one doctor over a range, for a calendar file: instants in UTC. */
export async function calendarEntries(knex: Knex, doctorId: number, from: string, to: string, timeZone: string): Promise<CalendarEntry[]> {
  return rows(
    knex,
    `SELECT a.id, (a.appointment_date + a.start_time) AT TIME ZONE :timeZone AS start, (a.appointment_date + a.end_time) AT TIME ZONE :timeZone AS "end",
            a.status, pt.name AS "patientName", a.reason, a.token_no AS "tokenNo",
            COALESCE(a.updated_at, a.created_at) AT TIME ZONE 'UTC' AS "updatedAt"
       FROM appointment_entities a JOIN patient_entities pt ON pt.id = a.patient_id
      WHERE a.doctor_id = :doctorId AND a.appointment_date BETWEEN :from::date AND :to::date
      ORDER BY a.appointment_date, a.start_time, a.id`,
    { timeZone, doctorId, from, to },
  );
}

export async function doctorName(knex: Knex, doctorId: number): Promise<string | undefined> {
  const row = await knex('doctor_entities').where({ id: doctorId }).first('name');
  return row?.name;
}

/** The names of those of the types that exist, by id. */
export async function appointmentTypeNames(knex: Knex, typeIds: readonly number[]): Promise<Map<number, string>> {
  const found = await knex('appointment_types').whereIn('id', typeIds).select<{ id: number; name: string }[]>('id', 'name');
  return new Map(found.map((t) => [Number(t.id), t.name]));
}

export async function userName(knex: Knex, userId: number): Promise<string | undefined> {
  const row = await knex('users').where({ id: userId }).first(knex.raw(`COALESCE(NULLIF(display_name, ''), email) AS name`));
  return row?.name;
}
