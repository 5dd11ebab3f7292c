import type { Knex } from 'knex';
import type { z } from 'zod';
import type { DayEndSummaryDto, DayMoneyDto, PaymentDto, ReceiptDto, recordPaymentSchema, refundSchema } from '../../preload/contract';
import { transactionWithRetry } from '../db/retry';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import { readSettings } from '../settings/repo';
import { gatewayTakingsByMethod } from './gateway/repo';
import { gatewayUnavailableReason } from './gateway/settings';
import { readPaymentSettings } from './gateway/settings-repo';
import { overDueSentence } from './messages';
import {
  clinicYear,
  compareWithDue,
  findPayment,
  freezeReceipt,
  insertPayment,
  lockAppointmentForPayment,
  lockPayment,
  markGatewayRefund,
  pendingOfDay,
  totalsOfDay,
  paymentsOfAppointment,
  type LockedPayment,
  paymentsReceivedOn,
  receiptData,
  refundRoom,
  sumsReceivedOn,
  takeReceiptNumber,
  totalsOfAppointment,
  updatePaymentIf,
} from './repo';
import { refusalFor } from '../db/pg-errors';
import { SNAPSHOT_READ } from '../db/snapshot-read';
import { inTransaction } from '../db/transaction';

type RecordPayment = z.output<typeof recordPaymentSchema>;
type Refund = z.output<typeof refundSchema>;

/** More than is due, not marked as an advance: the pending UPI payment or the paid visit is charged twice. */
const overDue = (due: string, currency: string) => new AppError('CONFLICT', overDueSentence(due, currency), 'amount');

const STATUS_WORDS: Record<string, Sentence> = { PENDING: say`still pending`, PAID: say`already paid`, REFUNDED: say`refunded` };
const describe = (status: string) => STATUS_WORDS[status] ?? say`marked ${status}`;

/**
 * Money at the desk. Every rule is checked here, inside the transaction that writes, whatever
 * the renderer sends: a refund locks its payment row, so two desks refunding the same payment
 * at once queue, and the second sees the first's refund. Amounts stay exact decimal strings;
 * sums and comparisons are NUMERIC in SQL.
 */
/**
 * Returns money of a gateway payment through the gateway, inside the refund's transaction;
 * resolves to the gateway's refund id, or undefined for money taken at the desk.
 */
export type GatewayRefund = (trx: Knex, payment: LockedPayment, amount: string, reason: string, creditNote: string) => Promise<string | undefined>;

export class PaymentsService {
  constructor(
    private readonly knex: Knex,
    private readonly gatewayRefund?: GatewayRefund,
  ) {}

  /** Takes a payment for an appointment: PAID with a receipt number now, or PENDING until confirmed. */
  async record(req: RecordPayment, user: CurrentUser): Promise<PaymentDto> {
    const id = await this.write(async (trx) => {
      const appointment = await lockAppointmentForPayment(trx, req.appointmentId);
      if (!appointment) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
      if (appointment.status === 'CANCELLED') {
        throw new AppError('CONFLICT', 'This appointment is cancelled; a cancelled appointment takes no payment', 'appointmentId');
      }
      let amount = req.amount;
      if (amount === undefined) {
        if (!appointment.hasFee || appointment.fee === null) {
          throw new AppError('INVALID', say`${appointment.doctorName} has no consultation fee set; enter the amount`, 'amount');
        }
        amount = appointment.fee;
      }
      const settings = await readSettings(trx);
      const { due, over } = await compareWithDue(trx, appointment.id, amount);
      if (over && !req.advanceReason) throw overDue(due ?? '0.00', settings.currency);
      const receiptNumber = req.pending ? null : await takeReceiptNumber(trx, await clinicYear(trx, settings.timeZone));
      const id = await insertPayment(trx, {
        appointmentId: appointment.id,
        amount,
        currency: settings.currency,
        status: req.pending ? 'PENDING' : 'PAID',
        method: req.method,
        reference: req.reference || null,
        receiptNumber,
        receivedBy: req.pending ? null : user.id,
        // Marked only when it is one: a reason given for an amount within what is due says nothing.
        advance: over,
        note: over ? (req.advanceReason ?? null) : null,
      });
      if (receiptNumber) await freezeReceipt(trx, id);
      return id;
    });
    return this.get(id);
  }

  /** The money of a PENDING payment has arrived: PAID, received by this user, with its receipt number. */
  async confirm(id: number, user: CurrentUser): Promise<PaymentDto> {
    await this.write(async (trx) => {
      const payment = await lockPayment(trx, id);
      if (!payment) throw new AppError('NOT_FOUND', 'No such payment', 'id');
      if (payment.refundOf !== null) throw new AppError('CONFLICT', 'This is a refund, not a payment to confirm', 'id');
      if (payment.status !== 'PENDING')
        throw new AppError('CONFLICT', say`This payment is ${describe(payment.status)}; only a pending one can be confirmed`, 'id');
      // Its webhook makes it PAID with what the gateway took; a desk confirmation would number a receipt for money not yet seen.
      if (payment.gateway)
        throw new AppError('CONFLICT', 'This payment waits on the payment gateway; it turns paid by itself when the gateway reports it', 'id');
      if (payment.appointmentStatus === 'CANCELLED') {
        throw new AppError('CONFLICT', 'The appointment has been cancelled since; a cancelled appointment takes no payment', 'id');
      }
      const settings = await readSettings(trx);
      const receiptNumber = await takeReceiptNumber(trx, await clinicYear(trx, settings.timeZone));
      await updatePaymentIf(trx, id, 'PENDING', { status: 'PAID', order_id: receiptNumber, received_by: user.id, paid_at: trx.fn.now() });
      await freezeReceipt(trx, id);
    });
    return this.get(id);
  }

  /**
   * Returns part or all of a PAID payment as a linked negative row (with its own credit-note
   * number). Refunds never add up to more than the payment; the one that empties it makes it
   * REFUNDED. An ADMIN may refund any payment, a DOCTOR only those of their own consultations.
   */
  async refund(req: Refund, user: CurrentUser): Promise<PaymentDto> {
    const id = await this.write(async (trx) => {
      const payment = await lockPayment(trx, req.paymentId);
      if (!payment) throw new AppError('NOT_FOUND', 'No such payment', 'paymentId');
      if (user.role === 'DOCTOR' && user.doctorId !== payment.doctorId) {
        throw new AppError('FORBIDDEN', 'A doctor can refund only payments for their own consultations', 'paymentId');
      }
      if (payment.refundOf !== null) throw new AppError('CONFLICT', 'This is a refund; only a payment can be refunded', 'paymentId');
      if (payment.status === 'PENDING') throw new AppError('CONFLICT', 'This payment has not been received yet, so there is nothing to refund', 'paymentId');
      if (payment.status === 'REFUNDED') throw new AppError('CONFLICT', 'This payment has already been refunded in full', 'paymentId');
      if (payment.status !== 'PAID')
        throw new AppError('CONFLICT', say`This payment is ${describe(payment.status)}; only a paid one can be refunded`, 'paymentId');
      const room = await refundRoom(trx, payment.id, req.amount);
      if (!room.fits) {
        throw new AppError('CONFLICT', say`At most ${payment.currency} ${room.remaining} of this payment can still be refunded`, 'amount');
      }
      const settings = await readSettings(trx);
      const receiptNumber = await takeReceiptNumber(trx, await clinicYear(trx, settings.timeZone));
      // Last before writing: once the gateway has returned the money, nothing here refuses.
      const gatewayRefundId = payment.gateway ? await this.gatewayRefund?.(trx, payment, req.amount, req.reason, receiptNumber) : undefined;
      if (payment.gateway && !gatewayRefundId)
        throw new AppError('UNAVAILABLE', 'This payment was taken through the payment gateway, which is not set up on this PC; refund it there', 'paymentId');
      const refundId = await insertPayment(trx, {
        appointmentId: payment.appointmentId,
        amount: trx.raw('-(?::numeric)', [req.amount]),
        currency: payment.currency,
        status: 'REFUNDED',
        method: payment.method,
        reference: null,
        receiptNumber,
        receivedBy: user.id,
        refundOf: payment.id,
        note: req.reason,
      });
      if (gatewayRefundId) await markGatewayRefund(trx, refundId, { gateway: payment.gateway, gatewayMethod: payment.gatewayMethod, gatewayRefundId });
      await freezeReceipt(trx, refundId);
      if (room.empties && !(await updatePaymentIf(trx, payment.id, 'PAID', { status: 'REFUNDED' }))) {
        throw new Error(`payment ${payment.id} changed status while locked`);
      }
      return refundId;
    });
    return this.get(id);
  }

  /** What a printed receipt (or a refund's credit note) shows. */
  async receipt(id: number): Promise<ReceiptDto> {
    const r = await receiptData(this.knex, id);
    if (!r) throw new AppError('NOT_FOUND', 'No such payment', 'id');
    if (r.paidAt === null) throw new AppError('CONFLICT', 'This payment has not been received yet; its receipt prints once it is confirmed', 'id');
    if (r.receiptNumber === null) throw new AppError('CONFLICT', 'This payment was recorded without a receipt number, so there is no receipt to print', 'id');
    return { ...r, receiptNumber: r.receiptNumber, paidAt: r.paidAt };
  }

  async forAppointment(appointmentId: number) {
    return this.snapshot(async (trx) => {
      const totals = await totalsOfAppointment(trx, appointmentId);
      if (!totals) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
      const gatewayUnavailable = gatewayUnavailableReason(await readPaymentSettings(trx));
      return { appointmentId, payments: await paymentsOfAppointment(trx, appointmentId), totals, gatewayUnavailable };
    });
  }

  /** A clinic day's takings: per method and per user, refunds apart and netted, and every row behind them. */
  async dayEnd(date: string): Promise<DayEndSummaryDto> {
    return this.snapshot(async (trx) => {
      const { timeZone } = await readSettings(trx);
      const day = { date, timeZone };
      return {
        date,
        timeZone,
        ...(await sumsReceivedOn(trx, day)),
        entries: await paymentsReceivedOn(trx, day),
        gatewayByMethod: await gatewayTakingsByMethod(trx, day),
      };
    });
  }

  /** Who of a clinic day's appointments has paid, owes or has money on its way, and the pending payments themselves. */
  async ofDay(date: string): Promise<DayMoneyDto> {
    // One statement sees one snapshot: on a day with nothing pending it is the whole answer.
    const day = await totalsOfDay(this.knex, date);
    if (!day.pendingToo) return { appointments: day.totals, pending: [] };
    return this.snapshot(async (trx) => ({ appointments: (await totalsOfDay(trx, date)).totals, pending: await pendingOfDay(trx, date) }));
  }

  private async get(id: number): Promise<PaymentDto> {
    const payment = await findPayment(this.knex, id);
    if (!payment) throw new AppError('NOT_FOUND', 'No such payment', 'id');
    return payment;
  }

  /** Reads that must agree with each other (totals and the rows behind them) see one snapshot. */
  private snapshot<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return inTransaction(this.knex, work, SNAPSHOT_READ);
  }

  private async write<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    try {
      return await transactionWithRetry(this.knex, work);
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }
}
