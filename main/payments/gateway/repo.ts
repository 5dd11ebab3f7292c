import type { Knex } from 'knex';
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
 * asks for it; undefined when the clinic does not ask for prepayment or nothing is due.
 */
export async function prepayDue(knex: Knex, appointmentId: number): Promise<{ due: string; payUrl: string | null } | undefined> {
  const { rows } = await knex.raw(
    `SELECT t.due,
            (SELECT p.gateway_url FROM payments p
              WHERE p.appointment_id = ? AND p.status = 'PENDING' AND p.gateway_order_id LIKE 'plink%' AND p.flagged_at IS NULL
              ORDER BY p.id DESC LIMIT 1) AS "payUrl"
       FROM payment_settings s
       CROSS JOIN LATERAL (
         SELECT GREATEST(d.consultation_fee - COALESCE(sum(x.amount) FILTER (WHERE x.status IN ('PAID', 'REFUNDED')), 0), 0)::numeric(14,2) AS due
           FROM appointment_entities a JOIN doctor_entities d ON d.id = a.doctor_id
           LEFT JOIN payments x ON x.appointment_id = a.id
          WHERE a.id = ?
          GROUP BY d.consultation_fee) t
      WHERE s.id = 1 AND s.teleconsult_prepay AND t.due > 0`,
    [appointmentId, appointmentId],
  );
  return rows[0];
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
