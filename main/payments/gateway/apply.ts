import type { Knex } from 'knex';
import { readSettings } from '../../settings/repo';
import type { WebhookRow } from '../../webhooks/repo';
import { fromPaise, toPaise } from '../money';
import { clinicYear, freezeReceipt, insertPayment, lockPayment, markGatewayRefund, refundRoom, takeReceiptNumber, updatePaymentIf } from '../repo';
import { findRefundByGatewayId, flagPayment, lockGatewayPayment, setGatewayFields } from './repo';
import { RAZORPAY_EVENT_PREFIX } from './webhook';

interface Entity {
  id: string;
  amount: number;
  currency: string;
  status?: string;
  method?: string;
  order_id?: string | null;
  payment_id?: string;
  error_code?: string | null;
  error_description?: string | null;
}

interface RazorpayEvent {
  event: string;
  payload: Partial<Record<'payment' | 'order' | 'qr_code' | 'payment_link' | 'refund', { entity: Entity }>>;
}

/** The gateway's methods the desk's own method column knows. */
const DESK_METHOD: Record<string, string> = { upi: 'UPI', card: 'CARD', netbanking: 'NETBANKING', wallet: 'WALLET' };

/** Every event that says money was captured carries the payment; they differ in what else they name. */
const SETTLING = new Set(['payment.captured', 'order.paid', 'payment_link.paid', 'qr_code.credited']);

/**
 * What a stored Razorpay event means for the clinic, inside the worker's transaction (false when
 * the row is not Razorpay's). Safe to apply twice and in any order: a payment already PAID by one
 * event is left alone by the next; a failure after a capture changes nothing.
 */
export async function applyGatewayEvent(trx: Knex.Transaction, row: WebhookRow): Promise<boolean> {
  if (!row.event_type.startsWith(RAZORPAY_EVENT_PREFIX)) return false;
  const event = JSON.parse(row.event_data.raw ?? '{}') as RazorpayEvent;
  if (SETTLING.has(event.event)) await settle(trx, event);
  else if (event.event === 'payment.failed') await failed(trx, event);
  else if (event.event === 'refund.processed') await refunded(trx, event);
  return true;
}

const objectIds = (e: RazorpayEvent) =>
  [e.payload.payment?.entity.order_id, e.payload.order?.entity.id, e.payload.qr_code?.entity.id, e.payload.payment_link?.entity.id].filter(
    (x): x is string => !!x,
  );

const money = (currency: string, paise: number) => `${currency} ${fromPaise(paise)}`;

async function settle(trx: Knex.Transaction, e: RazorpayEvent): Promise<void> {
  const paid = e.payload.payment?.entity;
  if (!paid || paid.status !== 'captured' || !Number.isSafeInteger(paid.amount)) return;
  const payment = await lockGatewayPayment(trx, paid.id, objectIds(e));
  // Money for nothing the clinic asked: reconciliation lists it as only at the gateway.
  if (!payment) return;
  if (payment.transactionId === paid.id && payment.status !== 'PENDING') return;
  if (payment.status !== 'PENDING') {
    await flagPayment(trx, payment.id, `A second Razorpay payment ${paid.id} (${money(paid.currency, paid.amount)}) arrived for this already paid payment`);
    return;
  }
  if (toPaise(payment.amount) !== paid.amount || payment.currency !== paid.currency) {
    // Never accepted silently: the desk sees the flag, an ADMIN settles it with the patient.
    await setGatewayFields(trx, payment.id, { transaction_id: paid.id, gateway_method: paid.method ?? null });
    await flagPayment(trx, payment.id, `Razorpay payment ${paid.id} was ${money(paid.currency, paid.amount)}, not ${payment.currency} ${payment.amount}`);
    return;
  }
  const { timeZone } = await readSettings(trx);
  const receiptNumber = await takeReceiptNumber(trx, await clinicYear(trx, timeZone));
  await updatePaymentIf(trx, payment.id, 'PENDING', {
    status: 'PAID',
    order_id: receiptNumber,
    paid_at: trx.fn.now(),
    transaction_id: paid.id,
    gateway_method: paid.method ?? null,
    payment_method: DESK_METHOD[paid.method ?? ''] ?? null,
    gateway_error: null,
  });
  await freezeReceipt(trx, payment.id);
}

async function failed(trx: Knex.Transaction, e: RazorpayEvent): Promise<void> {
  const attempt = e.payload.payment?.entity;
  if (!attempt) return;
  const payment = await lockGatewayPayment(trx, attempt.id, objectIds(e));
  // A failure that arrives after the capture (or for another attempt) changes nothing.
  if (!payment || payment.status !== 'PENDING' || (payment.transactionId && payment.transactionId !== attempt.id)) return;
  const why = [attempt.error_description, attempt.error_code && `(${attempt.error_code})`].filter(Boolean).join(' ') || 'The payment failed at Razorpay';
  await setGatewayFields(trx, payment.id, { gateway_error: why.slice(0, 500) });
}

/**
 * A refund Razorpay has processed. One the desk made is already a credit note (found by its
 * gateway refund id once the original's lock is held, so a desk refund still committing is
 * waited for); one made elsewhere (the dashboard) becomes a credit note now, within what is left.
 */
async function refunded(trx: Knex.Transaction, e: RazorpayEvent): Promise<void> {
  const refund = e.payload.refund?.entity;
  if (!refund?.payment_id || !Number.isSafeInteger(refund.amount)) return;
  const original = await lockGatewayPayment(trx, refund.payment_id, []);
  if (!original || original.transactionId !== refund.payment_id) return;
  if (await findRefundByGatewayId(trx, refund.id)) return;
  const locked = await lockPayment(trx, original.id);
  if (!locked) return;
  const amount = fromPaise(refund.amount);
  const room = await refundRoom(trx, original.id, amount);
  if (locked.status !== 'PAID' || refund.currency !== locked.currency || !room.fits) {
    await flagPayment(
      trx,
      original.id,
      `Razorpay refunded ${money(refund.currency, refund.amount)} (${refund.id}); at most ${locked.currency} ${room.remaining} was left to refund`,
    );
    return;
  }
  const { timeZone } = await readSettings(trx);
  const receiptNumber = await takeReceiptNumber(trx, await clinicYear(trx, timeZone));
  const id = await insertPayment(trx, {
    appointmentId: locked.appointmentId,
    amount: trx.raw('-(?::numeric)', [amount]),
    currency: locked.currency,
    status: 'REFUNDED',
    method: locked.method,
    reference: null,
    receiptNumber,
    receivedBy: null,
    refundOf: locked.id,
    note: 'Refunded at Razorpay',
  });
  await markGatewayRefund(trx, id, { gateway: locked.gateway, gatewayMethod: locked.gatewayMethod, gatewayRefundId: refund.id });
  await freezeReceipt(trx, id);
  if (room.empties) await updatePaymentIf(trx, locked.id, 'PAID', { status: 'REFUNDED' });
}
