import type { Knex } from 'knex';
import type { ReconciliationDto } from '../../../preload/contract';
import type { ClinicDay } from '../repo';

/** A gateway payment (not a refund) as the webhook applier needs it, locked FOR UPDATE. */
export interface LockedGatewayPayment {
  id: number;
  appointmentId: number;
  status: string;
  amount: string;
  currency: string;
  transactionId: string | null;
  gatewayOrderId: string | null;
}

const LOCKED_COLUMNS = `p.id, p.appointment_id AS "appointmentId", p.status, p.amount, p.currency,
       p.transaction_id AS "transactionId", p.gateway_order_id AS "gatewayOrderId"`;

/**
 * The clinic payment a gateway payment settles: the one already holding that payment id, or
 * else the one waiting on one of the gateway objects named (order, QR code, payment link).
 */
export async function lockGatewayPayment(trx: Knex, paymentId: string, objectIds: string[]): Promise<LockedGatewayPayment | undefined> {
  const { rows } = await trx.raw(
    `SELECT ${LOCKED_COLUMNS}
       FROM payments p
      WHERE p.refund_of IS NULL AND p.gateway IS NOT NULL
        AND (p.transaction_id = ? OR p.gateway_order_id = ANY(?::text[]))
      ORDER BY (p.transaction_id = ?) DESC NULLS LAST, p.id
      LIMIT 1
        FOR UPDATE OF p`,
    [paymentId, objectIds, paymentId],
  );
  return rows[0];
}

export async function findRefundByGatewayId(trx: Knex, refundId: string): Promise<number | undefined> {
  const row = await trx('payments').where({ gateway_refund_id: refundId }).first('id');
  return row?.id;
}

export async function setGatewayFields(trx: Knex, id: number, changes: Record<string, unknown>): Promise<void> {
  await trx('payments')
    .where({ id })
    .update({ ...changes, updated_at: trx.fn.now() });
}

/** Marks a payment for an ADMIN: a webhook did not match it. The first reason stays; later ones are appended. */
export async function flagPayment(trx: Knex, id: number, reason: string): Promise<void> {
  await trx.raw(
    `UPDATE payments SET flagged_at = COALESCE(flagged_at, now()),
            flag_reason = CASE WHEN flag_reason IS NULL THEN :reason WHEN position(:reason in flag_reason) > 0 THEN flag_reason ELSE flag_reason || E'\\n' || :reason END,
            updated_at = now()
      WHERE id = :id`,
    { reason, id },
  );
}

/** A clinic day as unix seconds [from, to), by the database's idea of the zone. */
export async function dayBounds(knex: Knex, { date, timeZone }: ClinicDay): Promise<{ from: number; to: number }> {
  const { rows } = await knex.raw(
    `SELECT extract(epoch FROM (:clinicDay::date::timestamp AT TIME ZONE :zone))::bigint AS "from",
            extract(epoch FROM ((:clinicDay::date + 1)::timestamp AT TIME ZONE :zone))::bigint AS "to"`,
    { clinicDay: date, zone: timeZone },
  );
  return { from: Number(rows[0].from), to: Number(rows[0].to) };
}

export interface ClinicGatewayPayment {
  id: number;
  status: string;
  amount: string;
  currency: string;
  transactionId: string | null;
  flagReason: string | null;
}

/** Gateway payments of a clinic day: received that day, or (pending or flagged) created that day. */
export async function gatewayPaymentsOn(knex: Knex, { date, timeZone }: ClinicDay): Promise<ClinicGatewayPayment[]> {
  const { rows } = await knex.raw(
    `SELECT p.id, p.status, p.amount, p.currency, p.transaction_id AS "transactionId", p.flag_reason AS "flagReason"
       FROM payments p
      WHERE p.gateway IS NOT NULL AND p.refund_of IS NULL
        AND COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC') >= (:clinicDay::date::timestamp AT TIME ZONE :zone)
        AND COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC') < ((:clinicDay::date + 1)::timestamp AT TIME ZONE :zone)
      ORDER BY p.id`,
    { clinicDay: date, zone: timeZone },
  );
  return rows;
}

/** Gateway payments seen by the clinic by their gateway payment id, whatever day they fell on. */
export async function knownTransactionIds(knex: Knex, ids: string[]): Promise<Map<string, { id: number; amount: string; currency: string; flagged: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows: { id: number; amount: string; currency: string; flagged: boolean; transactionId: string }[] = await knex('payments')
    .whereNull('refund_of')
    .whereIn('transaction_id', ids)
    .select('id', 'amount', 'currency', knex.raw('flagged_at IS NOT NULL AS flagged'), 'transaction_id as transactionId');
  return new Map(rows.map((r) => [r.transactionId, r]));
}

/** A day's gateway takings by how the patient paid, refunds netted. */
export async function gatewayTakingsByMethod(
  knex: Knex,
  { date, timeZone }: ClinicDay,
): Promise<{ method: string; currency: string; net: string; payments: number }[]> {
  const { rows } = await knex.raw(
    `SELECT p.gateway_method AS method, p.currency, sum(p.amount)::numeric(14,2) AS net,
            (count(*) FILTER (WHERE p.amount > 0))::int AS payments
       FROM payments p
      WHERE p.gateway IS NOT NULL AND p.gateway_method IS NOT NULL AND p.status IN ('PAID', 'REFUNDED')
        AND p.paid_at >= (:clinicDay::date::timestamp AT TIME ZONE :zone) AND p.paid_at < ((:clinicDay::date + 1)::timestamp AT TIME ZONE :zone)
      GROUP BY p.gateway_method, p.currency
      ORDER BY array_position(ARRAY['upi', 'card', 'netbanking', 'wallet']::text[], p.gateway_method::text), p.gateway_method, p.currency`,
    { clinicDay: date, zone: timeZone },
  );
  return rows;
}

/**
 * What a teleconsultation patient still owes before joining, and the newest payment link that
 * asks for it; undefined when prepayment is not asked or nothing is due. An appointment of a
 * type asks it when its type does (the type's setting wins); one without a type, when the clinic does.
 */
export async function prepayDue(knex: Knex, appointmentId: number): Promise<{ due: string; payUrl: string | null } | undefined> {
  const { rows } = await knex.raw(
    `SELECT t.due,
            (SELECT p.gateway_url FROM payments p
              WHERE p.appointment_id = :appointmentId AND p.status = 'PENDING' AND p.gateway_order_id LIKE 'plink%' AND p.flagged_at IS NULL
              ORDER BY p.id DESC LIMIT 1) AS "payUrl"
       FROM payment_settings s
       CROSS JOIN LATERAL (
         SELECT GREATEST(COALESCE(a.fee, d.consultation_fee) - COALESCE(sum(x.amount) FILTER (WHERE x.status IN ('PAID', 'REFUNDED')), 0), 0)::numeric(14,2) AS due,
                COALESCE(bool_or(ty.prepay_required), s.teleconsult_prepay) AS asked
           FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
           LEFT JOIN appointment_types ty ON ty.id = a.appointment_type_id
           LEFT JOIN payments x ON x.appointment_id = a.id
          WHERE a.id = :appointmentId
          GROUP BY a.fee, d.consultation_fee) t
      WHERE s.id = 1 AND t.asked AND t.due > 0`,
    { appointmentId },
  );
  return rows[0];
}

/** Whether an appointment's type asks its patient to pay before joining, for the payment link at booking. */
export async function typeAsksPrepay(knex: Knex, appointmentId: number): Promise<boolean> {
  const row = await knex('appointment_entities as a')
    .join('appointment_types as t', 't.id', 'a.appointment_type_id')
    .where('a.id', appointmentId)
    .first('t.prepay_required as asked');
  return row?.asked === true;
}

/**
 * Appointments a patient booked by replying YES to a waitlist offer whose type asks prepay and
 * that have no payment of any kind yet: their link is still to be made and sent.
 */
export async function repliedBookingsOwingPrepay(knex: Knex): Promise<number[]> {
  const { rows } = await knex.raw(
    `SELECT a.id
       FROM appointment_entities a
       JOIN appointment_types t ON t.id = a.appointment_type_id AND t.prepay_required
      WHERE a.booked_by IS NULL AND a.status = 'SCHEDULED'
        AND EXISTS (SELECT 1 FROM waitlist_entries e WHERE e.booked_appointment_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id)
      ORDER BY a.id`,
  );
  return rows.map((r: { id: number }) => r.id);
}

/** The payment links of an appointment still waiting for their money (their payments PENDING). */
export async function openPaymentLinks(knex: Knex, appointmentId: number): Promise<{ id: number; amount: string; linkId: string }[]> {
  return knex('payments')
    .where({ appointment_id: appointmentId, status: 'PENDING' })
    .whereLike('gateway_order_id', 'plink%')
    .orderBy('id')
    .select('id', 'amount', 'gateway_order_id as linkId');
}

/** Removes a payment that never received money (its gateway object cancelled); false when it is no longer PENDING. */
export async function dropPendingPayment(trx: Knex, id: number): Promise<boolean> {
  return (await trx('payments').where({ id, status: 'PENDING' }).del()) > 0;
}

/** The short URL of the newest payment link still waiting for the appointment's money, if any. */
export async function openPaymentLink(knex: Knex, appointmentId: number): Promise<string | undefined> {
  const row = await knex('payments')
    .where({ appointment_id: appointmentId, status: 'PENDING' })
    .whereLike('gateway_order_id', 'plink%')
    .whereNull('flagged_at')
    .whereNotNull('gateway_url')
    .orderBy('id', 'desc')
    .first('gateway_url');
  return row?.gateway_url;
}

export interface StoredReconciliation {
  date: string;
  ranAt: string;
  differences: number;
  result: ReconciliationDto;
}

const RUN_COLUMNS = `day::text AS date, ran_at AS "ranAt", mismatches AS differences`;

/** The newest stored runs first, without their differences. */
export async function listReconciliationRuns(knex: Knex, limit: number): Promise<Omit<StoredReconciliation, 'result'>[]> {
  const { rows } = await knex.raw(`SELECT ${RUN_COLUMNS} FROM payment_reconciliations ORDER BY day DESC LIMIT ?`, [limit]);
  return rows;
}

export async function findReconciliationRun(knex: Knex, date: string): Promise<StoredReconciliation | undefined> {
  const { rows } = await knex.raw(`SELECT ${RUN_COLUMNS}, result FROM payment_reconciliations WHERE day = ?::date`, [date]);
  return rows[0];
}

/** Stores a day's result: `replace` (an ADMIN's "Run now") overwrites a stored run; otherwise the first run of a day stays. Returns whether it was stored. */
export async function storeReconciliationRun(knex: Knex, result: ReconciliationDto, replace: boolean): Promise<boolean> {
  const onConflict = replace ? 'UPDATE SET ran_at = excluded.ran_at, mismatches = excluded.mismatches, result = excluded.result' : 'NOTHING';
  const { rows } = await knex.raw(
    `INSERT INTO payment_reconciliations (day, ran_at, mismatches, result) VALUES (?::date, now(), ?, ?::jsonb)
     ON CONFLICT (day) DO ${onConflict}
     RETURNING day`,
    [result.date, result.mismatches.length, JSON.stringify(result)],
  );
  return rows.length > 0;
}

/** The clinic's today by the database's clock. */
export async function clinicToday(knex: Knex, timeZone: string): Promise<string> {
  const { rows } = await knex.raw(`SELECT (now() AT TIME ZONE ?)::date::text AS day`, [timeZone]);
  return rows[0].day;
}
