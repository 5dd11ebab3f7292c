import type { Knex } from 'knex';
import type { PatientPaymentDto, PaymentDto, ReceiptDto } from '../../preload/contract';
import { runPrepared } from '../db/prepared';

export async function paymentsOfPatient(knex: Knex, patientId: number): Promise<PatientPaymentDto[]> {
  return knex('payments as p')
    .join('appointment_entities as a', 'a.id', 'p.appointment_id')
    .where('a.patient_id', patientId)
    .select(
      'p.id',
      'p.appointment_id as appointmentId',
      'p.order_id as receiptNumber',
      'p.amount',
      'p.currency',
      'p.status',
      'p.payment_method as method',
      'p.created_at as createdAt',
    )
    .orderBy('p.id', 'desc');
}

// Money never passes through a JS number: amounts, sums and comparisons are NUMERIC in SQL and
// reach JS as the exact decimal strings pg returns.

/** Statuses of money that changed hands (a PENDING payment has not, yet). */
const RECEIVED = ['PAID', 'REFUNDED'] as const;

/**
 * When the money changed hands. Rows from before paid_at existed (the demo clinic, older data)
 * use created_at, a TIMESTAMP holding UTC.
 */
const RECEIVED_AT = `COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC')`;
const PAID_AT = `CASE WHEN p.status IN ('PAID', 'REFUNDED') THEN ${RECEIVED_AT} END`;
const KIND = `CASE WHEN p.refund_of IS NULL THEN 'PAYMENT' ELSE 'REFUND' END`;
/** For a payment, what its refunds have returned so far (a positive amount); 0 for a refund. */
const REFUNDED = `CASE WHEN p.refund_of IS NULL
  THEN (-COALESCE((SELECT sum(r.amount) FROM payments r WHERE r.refund_of = p.id), 0))::numeric(14,2)
  ELSE 0::numeric(14,2) END`;
const USER_NAME = `COALESCE(NULLIF(u.display_name, ''), u.email)`;

/** The receipt number format: CD-<year>-<sequence of that year, six digits or more>. */
export function receiptNumber(year: number, sequence: number): string {
  return `CD-${year}-${String(sequence).padStart(6, '0')}`;
}

function viewQuery(knex: Knex) {
  return knex('payments as p')
    .join('appointment_entities as a', 'a.id', 'p.appointment_id')
    .join('patient_entities as pt', 'pt.id', 'a.patient_id')
    .join('doctor_entities as d', 'd.id', 'a.doctor_id')
    .leftJoin('users as u', 'u.id', 'p.received_by')
    .select(
      'p.id',
      'p.appointment_id as appointmentId',
      knex.raw(`${KIND} AS kind`),
      'p.refund_of as refundOf',
      'p.order_id as receiptNumber',
      'p.amount',
      knex.raw(`${REFUNDED} AS refunded`),
      'p.currency',
      'p.status',
      'p.payment_method as method',
      'p.transaction_id as reference',
      'p.note',
      'p.advance',
      'p.received_by as receivedBy',
      knex.raw(`${USER_NAME} AS "receivedByName"`),
      knex.raw(`${PAID_AT} AS "paidAt"`),
      'p.created_at as createdAt',
      'pt.name as patientName',
      'd.name as doctorName',
      'p.gateway_error as gatewayError',
      'p.flag_reason as flagReason',
      'p.gateway_url as gatewayUrl',
      // Razorpay's id prefixes say which kind of object the payment waits on (as the join page's prepay reads them).
      knex.raw(`CASE split_part(p.gateway_order_id, '_', 1) WHEN 'qr' THEN 'QR' WHEN 'plink' THEN 'LINK' WHEN 'order' THEN 'ORDER' END AS "gatewayVia"`),
    );
}

export async function findPayment(knex: Knex, id: number): Promise<PaymentDto | undefined> {
  return viewQuery(knex).where('p.id', id).first();
}

export async function paymentsOfAppointment(knex: Knex, appointmentId: number): Promise<PaymentDto[]> {
  return viewQuery(knex).where('p.appointment_id', appointmentId).orderBy('p.id');
}

/** A whole day on the clinic's clock, which is what a day-end closes. */
export interface ClinicDay {
  date: string;
  timeZone: string;
}

/** Payments and refunds that changed hands on a clinic day, oldest first. */
export async function paymentsReceivedOn(knex: Knex, day: ClinicDay): Promise<PaymentDto[]> {
  return viewQuery(knex)
    .modify((q) => receivedOn(knex, q, day))
    .orderByRaw(`${RECEIVED_AT}, p.id`);
}

/** Rows received on a clinic day: the day's midnight to the next in its zone, as in the audit log's date filter. */
function receivedOn(knex: Knex, q: Knex.QueryBuilder, { date, timeZone }: ClinicDay): void {
  const start = (plusDays: number) => knex.raw('((?::date + ?::int)::timestamp AT TIME ZONE ?)', [date, plusDays, timeZone]);
  // created_at (no zone) holds UTC: the same instants, written as UTC wall-clock times.
  const startUtc = (plusDays: number) => knex.raw(`(((?::date + ?::int)::timestamp AT TIME ZONE ?) AT TIME ZONE 'UTC')`, [date, plusDays, timeZone]);
  // Two indexable ranges rather than one on the COALESCE.
  q.whereIn('p.status', RECEIVED).where((w) =>
    w
      .where((x) => x.where('p.paid_at', '>=', start(0)).where('p.paid_at', '<', start(1)))
      .orWhere((x) => x.whereNull('p.paid_at').where('p.created_at', '>=', startUtc(0)).where('p.created_at', '<', startUtc(1))),
  );
}

interface MoneySums {
  currency: string;
  received: string;
  refunded: string;
  net: string;
  payments: number;
  refunds: number;
}

export interface DayEndSums {
  totals: MoneySums[];
  byMethod: (MoneySums & { method: string | null })[];
  byUser: (MoneySums & { userId: number | null; userName: string | null })[];
}

/** Totals per currency, per method and per user who received the money, refunds apart and netted. */
export async function sumsReceivedOn(knex: Knex, day: ClinicDay): Promise<DayEndSums> {
  const moved = knex('payments as p')
    .modify((q) => receivedOn(knex, q, day))
    .select('p.currency', 'p.payment_method as method', 'p.received_by as user_id', 'p.amount');
  const rows: (MoneySums & { method: string | null; userId: number | null; userName: string | null; level: number })[] = await knex
    .with('moved', moved)
    .with(
      'sums',
      knex.raw(`
        SELECT currency, method, user_id, GROUPING(method, user_id) AS level,
               COALESCE(sum(amount) FILTER (WHERE amount > 0), 0)::numeric(14,2) AS received,
               (-COALESCE(sum(amount) FILTER (WHERE amount < 0), 0))::numeric(14,2) AS refunded,
               COALESCE(sum(amount), 0)::numeric(14,2) AS net,
               (count(*) FILTER (WHERE amount > 0))::int AS payments,
               (count(*) FILTER (WHERE amount < 0))::int AS refunds
          FROM moved
         GROUP BY GROUPING SETS ((currency), (currency, method), (currency, user_id))`),
    )
    .from('sums as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(
      's.currency',
      's.method',
      's.user_id as userId',
      knex.raw(`${USER_NAME} AS "userName"`),
      's.level',
      's.received',
      's.refunded',
      's.net',
      's.payments',
      's.refunds',
    )
    .orderByRaw(`s.currency, array_position(ARRAY['CASH', 'CARD', 'UPI']::text[], s.method::text), s.method`);
  const sums = ({ currency, received, refunded, net, payments, refunds }: MoneySums): MoneySums => ({ currency, received, refunded, net, payments, refunds });
  // GROUPING(method, user_id): 3 = per currency only, 1 = per method, 2 = per user.
  return {
    totals: rows.filter((r) => r.level === 3).map(sums),
    byMethod: rows.filter((r) => r.level === 1).map((r) => ({ method: r.method, ...sums(r) })),
    byUser: rows
      .filter((r) => r.level === 2)
      .map((r) => ({ userId: r.userId, userName: r.userName, ...sums(r) }))
      .sort(
        (a, b) => (a.userName ?? '\uffff').localeCompare(b.userName ?? '\uffff') || (a.userId ?? 0) - (b.userId ?? 0) || a.currency.localeCompare(b.currency),
      ),
  };
}

export interface AppointmentTotals {
  paid: string;
  refunded: string;
  balance: string;
  pending: string;
  fee: string | null;
  due: string | null;
}

// The fee an appointment was booked at (its appointment type's, issue 20), else the doctor's.
const FEE = 'COALESCE(a.fee, d.consultation_fee)';
// What is still due: known only when there is a fee (none set, or 0, means the desk enters the
// amount), and money already on its way (PENDING) is not due a second time.
const dueSql = (held: string, pending: string) => `CASE WHEN ${FEE} > 0 THEN GREATEST(${FEE} - (${held}) - (${pending}), 0)::numeric(14,2) END`;

// An appointment's money from its payments: received, refunded, held, pending, and what is still due.
const TOTALS_SQL = `SELECT t.paid::numeric(14,2) AS paid, t.refunded::numeric(14,2) AS refunded,
            (t.paid - t.refunded)::numeric(14,2) AS balance, t.pending::numeric(14,2) AS pending,
            ${FEE} AS fee, ${dueSql('t.paid - t.refunded', 't.pending')} AS due
       FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
      CROSS JOIN LATERAL (
       SELECT COALESCE(sum(p.amount) FILTER (WHERE p.refund_of IS NULL AND p.status IN ('PAID', 'REFUNDED')), 0) AS paid,
              -COALESCE(sum(p.amount) FILTER (WHERE p.refund_of IS NOT NULL), 0) AS refunded,
              COALESCE(sum(p.amount) FILTER (WHERE p.status = 'PENDING'), 0) AS pending
         FROM payments p WHERE p.appointment_id = a.id) t
      WHERE a.id = ?`;

/** Undefined when there is no such appointment. */
export async function totalsOfAppointment(knex: Knex, appointmentId: number): Promise<AppointmentTotals | undefined> {
  const { rows } = await knex.raw(TOTALS_SQL, [appointmentId]);
  return rows[0];
}

export type DayTotals = Pick<AppointmentTotals, 'balance' | 'pending' | 'due'> & { appointmentId: number };

// The payments of a clinic day's appointments recorded but not yet received: few, most often none.
const PENDING_OF_DAY = `payments p JOIN appointment_entities pa ON pa.id = p.appointment_id
   WHERE pa.appointment_date = :date AND p.status = 'PENDING'`;

// Every appointment of a clinic day but the cancelled ones, with the same sums as an
// appointment's totals: what is held from the payments' trigger's balances, kept by day so a
// day's come from one range of their index rather than a probe of the payments per
// appointment; what is pending from the day's pending payments, few or none. Plain rows: built
// as one JSON array, the day's totals cost the database about as much again as summing them.
// Each row also says whether the day has any pending payment at all (a cancelled visit's
// included, which no row shows): evaluated once, it spares most days a second read.
const DAY_TOTALS_SQL = `SELECT a.id AS "appointmentId", COALESCE(b.balance, 0)::numeric(14,2) AS balance, COALESCE(x.pending, 0)::numeric(14,2) AS pending,
            ${dueSql('COALESCE(b.balance, 0)', 'COALESCE(x.pending, 0)')} AS due,
            EXISTS (SELECT FROM ${PENDING_OF_DAY}) AS "anyPending"
       FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
       LEFT JOIN appointment_balances b ON b.appointment_id = a.id AND b.appointment_date = a.appointment_date
       LEFT JOIN (SELECT p.appointment_id, sum(p.amount) AS pending FROM ${PENDING_OF_DAY} GROUP BY p.appointment_id) x ON x.appointment_id = a.id
      WHERE a.appointment_date = :date AND a.status <> 'CANCELLED'`;

/**
 * Each appointment's totals for the Today board's money of a clinic day; `pendingToo` unless the
 * day is known to have no pending payment (a day without appointments is not known to have none).
 */
export async function totalsOfDay(knex: Knex, date: string): Promise<{ totals: DayTotals[]; pendingToo: boolean }> {
  const { rows } = (await runPrepared(knex, 'payments.totalsOfDay', (p) => knex.raw(DAY_TOTALS_SQL, p), { date })) as {
    rows: (DayTotals & { anyPending: boolean })[];
  };
  return {
    // Copied field by field (a rest pattern cost more than parsing the rows), and put in booking
    // order here: sorting the day's rows was about a quarter of the database's work on a server.
    totals: rows
      .map((r: DayTotals) => ({ appointmentId: r.appointmentId, balance: r.balance, pending: r.pending, due: r.due }))
      .sort((a: DayTotals, b: DayTotals) => a.appointmentId - b.appointmentId),
    pendingToo: rows.length === 0 || rows[0]?.anyPending === true,
  };
}

// Their ids first, from a statement that is cheap to plan (behind PgBouncer it is planned on
// every call) and to build; the full rows, a five-table read, only when there are any.
const PENDING_IDS_OF_DAY_SQL = `SELECT p.id FROM ${PENDING_OF_DAY} ORDER BY p.id`;

/** The payments of a clinic day's appointments recorded but not yet received, oldest first. */
export async function pendingOfDay(knex: Knex, date: string): Promise<PaymentDto[]> {
  const { rows } = (await runPrepared(knex, 'payments.pendingOfDay', (p) => knex.raw(PENDING_IDS_OF_DAY_SQL, p), { date })) as { rows: { id: number }[] };
  if (rows.length === 0) return [];
  return viewQuery(knex)
    .whereIn(
      'p.id',
      rows.map((r: { id: number }) => r.id),
    )
    .orderBy('p.id');
}

/** What is still due and whether `amount` is more than that (never, when nothing is known to be due). */
export async function compareWithDue(trx: Knex, appointmentId: number, amount: string): Promise<{ due: string | null; over: boolean }> {
  const { rows } = await trx.raw(`SELECT t.due, COALESCE(?::numeric > t.due, false) AS over FROM (${TOTALS_SQL}) t`, [amount, appointmentId]);
  return rows[0];
}

/**
 * Copies what a numbered receipt prints (patient, doctor, clinic header) into the payment, in
 * the transaction that numbered it: a receipt never changes once issued, whoever is renamed.
 */
export async function freezeReceipt(trx: Knex, paymentId: number): Promise<void> {
  await trx.raw(
    `UPDATE payments p
        SET receipt_patient_name = pt.name, receipt_patient_phone = pt.phone,
            receipt_doctor_name = d.name, receipt_doctor_specialization = d.specialization,
            receipt_clinic_name = s.clinic_name, receipt_clinic_address = s.clinic_address
       FROM appointment_entities a
       JOIN patient_entities pt ON pt.id = a.patient_id
       JOIN doctor_entities d ON d.id = a.doctor_id
      CROSS JOIN clinic_settings s
      WHERE p.id = ? AND a.id = p.appointment_id AND s.id = 1 AND p.order_id IS NOT NULL`,
    [paymentId],
  );
}

/**
 * The appointment a payment is for, locked against a concurrent cancellation and against a
 * second payment for it (FOR NO KEY UPDATE: two desks cannot both take what is due).
 */
export async function lockAppointmentForPayment(
  trx: Knex,
  appointmentId: number,
): Promise<{ id: number; status: string; doctorId: number; doctorName: string; fee: string | null; hasFee: boolean } | undefined> {
  const { rows } = await trx.raw(
    `SELECT a.id, a.status, a.doctor_id AS "doctorId", d.name AS "doctorName", COALESCE(a.fee, d.consultation_fee) AS fee,
            COALESCE(COALESCE(a.fee, d.consultation_fee) > 0, false) AS "hasFee"
       FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
      WHERE a.id = ?
        FOR NO KEY UPDATE OF a`,
    [appointmentId],
  );
  return rows[0];
}

export interface LockedPayment {
  id: number;
  appointmentId: number;
  status: string;
  refundOf: number | null;
  amount: string;
  currency: string;
  method: string | null;
  receiptNumber: string | null;
  appointmentStatus: string;
  doctorId: number;
  /** Set for money taken through a payment gateway (refunds go back through it). */
  gateway: string | null;
  gatewayMethod: string | null;
  /** The gateway's payment id, for a gateway payment. */
  transactionId: string | null;
}

/**
 * A payment row locked FOR UPDATE until the transaction ends (refunds and confirmations of it
 * queue here), and its appointment against a concurrent cancellation.
 */
export async function lockPayment(trx: Knex, id: number): Promise<LockedPayment | undefined> {
  const { rows } = await trx.raw(
    `SELECT p.id, p.appointment_id AS "appointmentId", p.status, p.refund_of AS "refundOf", p.amount, p.currency,
            p.payment_method AS method, p.order_id AS "receiptNumber", a.status AS "appointmentStatus", a.doctor_id AS "doctorId",
            p.gateway, p.gateway_method AS "gatewayMethod", p.transaction_id AS "transactionId"
       FROM payments p JOIN appointment_entities a ON a.id = p.appointment_id
      WHERE p.id = ?
        FOR UPDATE OF p FOR SHARE OF a`,
    [id],
  );
  return rows[0];
}

/**
 * How much of a payment is still refundable, and whether `amount` fits in it or empties it,
 * all in NUMERIC. The caller holds the payment's row lock, so the answer holds until commit.
 */
export async function refundRoom(trx: Knex, paymentId: number, amount: string): Promise<{ remaining: string; fits: boolean; empties: boolean }> {
  const { rows } = await trx.raw(
    `WITH r AS (
       SELECT (p.amount + COALESCE((SELECT sum(x.amount) FROM payments x WHERE x.refund_of = p.id), 0))::numeric(14,2) AS remaining
         FROM payments p WHERE p.id = ?)
     SELECT remaining, remaining >= ?::numeric AS fits, remaining = ?::numeric AS empties FROM r`,
    [paymentId, amount, amount],
  );
  return rows[0];
}

/**
 * The next receipt number of a clinic year, inside the caller's transaction: the counter row
 * stays locked until commit, and a rollback gives the number back, so the series has no gaps
 * and no repeats however many desks record at once. A year's first number continues after any
 * CD-<year>- numbers already present (the demo clinic's, an older installation's).
 */
export async function takeReceiptNumber(trx: Knex, year: number): Promise<string> {
  const bumped = await trx('receipt_counters').where({ year }).increment('last_no', 1).returning('last_no');
  let n: number | undefined = bumped[0]?.last_no;
  if (n === undefined) {
    const { rows } = await trx.raw(
      `INSERT INTO receipt_counters (year, last_no)
       SELECT ?::int, COALESCE(max((regexp_match(order_id, ?))[1]::bigint), 0) + 1
         FROM payments WHERE order_id LIKE ?
       ON CONFLICT (year) DO UPDATE SET last_no = receipt_counters.last_no + 1
       RETURNING last_no`,
      [year, `^CD-${year}-(\\d{1,9})$`, `CD-${year}-%`],
    );
    n = rows[0].last_no as number;
  }
  return receiptNumber(year, n);
}

/** The clinic's current year in its time zone, by the database's clock (one clock for every PC). */
export async function clinicYear(trx: Knex, timeZone: string): Promise<number> {
  const { rows } = await trx.raw(`SELECT extract(year FROM now() AT TIME ZONE ?)::int AS year`, [timeZone]);
  return rows[0].year;
}

export interface NewPayment {
  appointmentId: number;
  amount: string | Knex.Raw;
  currency: string;
  status: 'PENDING' | 'PAID' | 'REFUNDED';
  method: string | null;
  reference: string | null;
  receiptNumber: string | null;
  receivedBy: number | null;
  refundOf?: number | null;
  note?: string | null;
  advance?: boolean;
}

export async function insertPayment(trx: Knex, p: NewPayment): Promise<number> {
  const [row] = await trx('payments')
    .insert({
      appointment_id: p.appointmentId,
      order_id: p.receiptNumber,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      payment_method: p.method,
      transaction_id: p.reference,
      received_by: p.receivedBy,
      refund_of: p.refundOf ?? null,
      note: p.note ?? null,
      advance: p.advance ?? false,
      paid_at: p.status === 'PENDING' ? null : trx.fn.now(),
    })
    .returning('id');
  return row.id;
}

/** A refund row returned through the gateway: which gateway, the original's method there, and the gateway's refund id. */
export async function markGatewayRefund(
  trx: Knex,
  id: number,
  g: { gateway: string | null; gatewayMethod: string | null; gatewayRefundId: string },
): Promise<void> {
  await trx('payments').where({ id }).update({ gateway: g.gateway, gateway_method: g.gatewayMethod, gateway_refund_id: g.gatewayRefundId });
}

/** Applies a change only while the payment is in the expected status; false when it no longer is. */
export async function updatePaymentIf(trx: Knex, id: number, expectedStatus: string, changes: Record<string, unknown>): Promise<boolean> {
  const rows = await trx('payments')
    .where({ id, status: expectedStatus })
    .update({ ...changes, updated_at: trx.fn.now() })
    .returning('id');
  return rows.length > 0;
}

type ReceiptRow = Omit<ReceiptDto, 'patient' | 'doctor' | 'appointment' | 'receivedBy'> & {
  patientId: number;
  patientName: string;
  patientPhone: string | null;
  doctorId: number;
  doctorName: string;
  specialization: string | null;
  appointmentId: number;
  date: string;
  startTime: string;
  endTime: string;
  receivedById: number | null;
  receivedByName: string | null;
};

/** Everything a printed receipt (or refund credit note) shows; undefined for an unknown id. */
export async function receiptData(
  knex: Knex,
  id: number,
): Promise<(Omit<ReceiptDto, 'receiptNumber' | 'paidAt'> & { receiptNumber: string | null; paidAt: string | null }) | undefined> {
  const { rows } = await knex.raw(
    `SELECT p.id, ${KIND} AS kind,
            p.order_id AS "receiptNumber", o.order_id AS "refundOfReceiptNumber", p.status,
            COALESCE(p.receipt_clinic_name, s.clinic_name) AS "clinicName", COALESCE(p.receipt_clinic_address, s.clinic_address) AS "clinicAddress",
            pt.id AS "patientId", COALESCE(p.receipt_patient_name, pt.name) AS "patientName",
            CASE WHEN p.receipt_patient_name IS NULL THEN pt.phone ELSE p.receipt_patient_phone END AS "patientPhone",
            d.id AS "doctorId", COALESCE(p.receipt_doctor_name, d.name) AS "doctorName",
            CASE WHEN p.receipt_doctor_name IS NULL THEN d.specialization ELSE p.receipt_doctor_specialization END AS specialization,
            a.id AS "appointmentId", a.appointment_date AS date, a.start_time AS "startTime", a.end_time AS "endTime",
            abs(p.amount)::numeric(14,2) AS amount, ${REFUNDED} AS refunded,
            p.currency, p.payment_method AS method, p.transaction_id AS reference, p.note,
            u.id AS "receivedById", ${USER_NAME} AS "receivedByName", ${PAID_AT} AS "paidAt",
            to_char(${RECEIVED_AT} AT TIME ZONE s.time_zone, 'YYYY-MM-DD HH24:MI') AS "paidAtClinicTime",
            s.time_zone AS "timeZone", s.receipt_paper AS paper
       FROM payments p
       JOIN appointment_entities a ON a.id = p.appointment_id
       JOIN patient_entities pt ON pt.id = a.patient_id
       JOIN doctor_entities d ON d.id = a.doctor_id
       LEFT JOIN payments o ON o.id = p.refund_of
       LEFT JOIN users u ON u.id = p.received_by
       CROSS JOIN clinic_settings s
      WHERE p.id = ? AND s.id = 1`,
    [id],
  );
  const r: ReceiptRow | undefined = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    kind: r.kind,
    receiptNumber: r.receiptNumber,
    refundOfReceiptNumber: r.refundOfReceiptNumber,
    status: r.status,
    clinicName: r.clinicName,
    clinicAddress: r.clinicAddress,
    patient: { id: r.patientId, name: r.patientName, phone: r.patientPhone },
    doctor: { id: r.doctorId, name: r.doctorName, specialization: r.specialization },
    appointment: { id: r.appointmentId, date: r.date, startTime: r.startTime, endTime: r.endTime },
    amount: r.amount,
    refunded: r.refunded,
    currency: r.currency,
    method: r.method,
    reference: r.reference,
    note: r.note,
    receivedBy: r.receivedById === null ? null : { id: r.receivedById, name: r.receivedByName ?? '' },
    paidAt: r.paidAt,
    paidAtClinicTime: r.paidAtClinicTime,
    timeZone: r.timeZone,
    paper: r.paper,
  };
}
