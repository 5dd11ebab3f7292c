import type { Knex } from 'knex';
import type { z } from 'zod';
import type {
  collectSchema,
  PaymentDto,
  PaymentSettingsDto,
  ReconciliationDto,
  ReconciliationRunDto,
  ReconciliationRunSummaryDto,
  UpiLinkDto,
} from '../../../preload/contract';
import { insertAudit, type AuditRecord } from '../../audit/repo';
import type { CurrentUser } from '../../shared/call-context';
import { AppError } from '../../shared/app-error';
import { say, type Sentence } from '../../shared/say';
import type { SecretBox } from '../../secrets/secret-box';
import { readSettings } from '../../settings/repo';
import { fromPaise, toPaise } from '../money';
import { findPayment, insertPayment, lockAppointmentForPayment, totalsOfAppointment, type LockedPayment } from '../repo';
import { upiPayLink } from '../upi';
import type { GatewayFactory, PaymentGateway } from './gateway';
import {
  clinicToday,
  dayBounds,
  findReconciliationRun,
  gatewayPaymentsOn,
  gatewayTakingsByMethod,
  knownTransactionIds,
  listReconciliationRuns,
  dropPendingPayment,
  openPaymentLink,
  openPaymentLinks,
  setGatewayFields,
  storeReconciliationRun,
} from './repo';
import { credentialsOf, describeSettingsChanges, publicPaymentSettings, sealPaymentSecrets, type PaymentSettingsUpdate } from './settings';
import { readPaymentSettings, writePaymentSettings } from './settings-repo';

type Collect = z.output<typeof collectSchema>;

/** A desk QR is closed by the gateway after this long (Razorpay wants close_by at least 2 minutes ahead). */
const QR_LIFETIME_SECONDS = 30 * 60;

/** How many stored runs the runs list shows: about three months of days. */
const RUNS_LISTED = 90;

const summaryOf = (run: { date: string; ranAt: string; differences: number }): ReconciliationRunSummaryDto => ({
  date: run.date,
  ranAt: run.ranAt,
  differences: run.differences,
  status: run.differences === 0 ? 'AGREES' : 'DIFFERENCES',
});

/** The reference a UPI app shows and a bank statement carries for an appointment's payment (tr, ≤ 35 characters). */
const upiReference = (appointmentId: number) => `CD-APT-${appointmentId}`;

/** Why a payment's QR is gone: paid or refunded (an older row may hold another status). */
const QR_GONE: Record<string, Sentence> = {
  PAID: say`This payment is paid; its QR is no longer shown`,
  REFUNDED: say`This payment is refunded; its QR is no longer shown`,
};

/**
 * Payments beyond cash: the plain UPI QR, and collection through the gateway (dynamic QR,
 * payment link, order), each as a PENDING payment that the gateway's webhook makes PAID.
 */
export class GatewayPaymentsService {
  constructor(
    private readonly knex: Knex,
    private readonly box: SecretBox,
    private readonly makeGateway: GatewayFactory,
    private readonly now: () => number = Date.now,
  ) {}

  async getSettings(): Promise<PaymentSettingsDto> {
    return publicPaymentSettings(await readPaymentSettings(this.knex));
  }

  /**
   * Writes the changes and, in the same commit, the audit row naming what changed: a secret only
   * as set or removed, never its value (the caller then sets `audited`).
   */
  async updateSettings(changes: PaymentSettingsUpdate, user: CurrentUser, audit: AuditRecord): Promise<PaymentSettingsDto> {
    const written = await this.knex.transaction(async (trx) => {
      const settings = await writePaymentSettings(trx, sealPaymentSecrets(changes, this.box), user.id);
      await insertAudit(trx, { ...audit, detail: { changes: describeSettingsChanges(changes) } });
      return settings;
    });
    return publicPaymentSettings(written);
  }

  /** The clinic's gateway, or a clear refusal when its keys are not set. */
  async gateway(knex: Knex = this.knex): Promise<PaymentGateway> {
    const credentials = credentialsOf(await readPaymentSettings(knex), this.box);
    if (!credentials) throw new AppError('UNAVAILABLE', 'Razorpay is not set up: an administrator enters the key id and key secret in the payment settings');
    return this.makeGateway(credentials);
  }

  /** A `upi://pay` link for exactly what the appointment still owes, to the clinic's own UPI ID. */
  async upiLink(appointmentId: number): Promise<UpiLinkDto> {
    const [settings, clinic, totals] = await Promise.all([
      readPaymentSettings(this.knex),
      readSettings(this.knex),
      totalsOfAppointment(this.knex, appointmentId),
    ]);
    if (!totals) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
    if (!settings.upiVpa) throw new AppError('CONFLICT', "The clinic's UPI ID is not set: an administrator enters it in the payment settings");
    if (clinic.currency !== 'INR') throw new AppError('CONFLICT', say`UPI takes rupees only; this clinic's currency is ${clinic.currency}`);
    const amount = dueOrRefuse(totals.due);
    const payeeName = settings.upiPayeeName ?? clinic.clinicName;
    const reference = upiReference(appointmentId);
    const link = upiPayLink({ vpa: settings.upiVpa, payeeName, amount, reference, note: `${clinic.clinicName} ${reference}` });
    return { appointmentId, link, amount, currency: clinic.currency, vpa: settings.upiVpa, payeeName, reference };
  }

  /**
   * What is due, asked of the gateway as a QR, a link or an order: a PENDING payment for exactly
   * that amount is written first, its id goes in the gateway object's notes, and the object's id
   * is stored on it in the same transaction (the appointment stays locked meanwhile, so two
   * desks cannot both collect what is due). Should the commit fail after the gateway answered,
   * the object exists only at the gateway: a payment to it shows in reconciliation. `user` is
   * null for a link no desk asked for (a booking by the patient's own reply).
   */
  async collect(req: Collect, user: Pick<CurrentUser, 'id'> | null): Promise<{ payment: PaymentDto; gatewayId: string; url: string | null }> {
    const gateway = await this.gateway();
    const result = await this.knex.transaction(async (trx) => {
      const appointment = await lockAppointmentForPayment(trx, req.appointmentId);
      if (!appointment) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
      if (appointment.status === 'CANCELLED')
        throw new AppError('CONFLICT', 'This appointment is cancelled; a cancelled appointment takes no payment', 'appointmentId');
      const totals = await totalsOfAppointment(trx, appointment.id);
      const amount = dueOrRefuse(totals?.due ?? null);
      const clinic = await readSettings(trx);
      const id = await insertPayment(trx, {
        appointmentId: appointment.id,
        amount,
        currency: clinic.currency,
        status: 'PENDING',
        method: req.via === 'QR' ? 'UPI' : null,
        reference: null,
        receiptNumber: null,
        receivedBy: null,
      });
      const notes = { clinic_payment_id: String(id), appointment_id: String(appointment.id), requested_by: user ? String(user.id) : 'patient' };
      const amountPaise = toPaise(amount);
      const description = `${clinic.clinicName}: consultation with ${appointment.doctorName}`.slice(0, 80);
      let gatewayId: string;
      let url: string | null = null;
      if (req.via === 'QR') {
        const qr = await gateway.createQr({
          amountPaise,
          name: clinic.clinicName.slice(0, 40),
          description,
          notes,
          closeBy: Math.floor(this.now() / 1000) + QR_LIFETIME_SECONDS,
        });
        [gatewayId, url] = [qr.id, qr.imageUrl];
      } else if (req.via === 'LINK') {
        const patient = await trx('appointment_entities as a')
          .join('patient_entities as p', 'p.id', 'a.patient_id')
          .where('a.id', appointment.id)
          .first('p.name', 'p.phone', 'p.email');
        const link = await gateway.createLink({
          amountPaise,
          currency: clinic.currency,
          description,
          referenceId: `CD-PAY-${id}`,
          customer: { name: patient.name, ...(patient.phone ? { contact: patient.phone } : {}), ...(patient.email ? { email: patient.email } : {}) },
          notes,
        });
        [gatewayId, url] = [link.id, link.shortUrl];
      } else {
        gatewayId = (await gateway.createOrder({ amountPaise, currency: clinic.currency, receipt: `CD-PAY-${id}`, notes })).id;
      }
      await setGatewayFields(trx, id, { gateway: gateway.name, gateway_order_id: gatewayId, gateway_url: url });
      return { id, gatewayId, url };
    });
    const payment = await findPayment(this.knex, result.id);
    if (!payment) throw new AppError('NOT_FOUND', 'No such payment', 'id');
    return { payment, gatewayId: result.gatewayId, url: result.url };
  }

  /** The gateway's QR image of a payment still waiting on its QR, as a data: URL for the desk to show. */
  async qrImage(paymentId: number): Promise<{ paymentId: number; image: string }> {
    const payment = await findPayment(this.knex, paymentId);
    if (!payment) throw new AppError('NOT_FOUND', 'No such payment', 'paymentId');
    if (payment.gatewayVia !== 'QR' || !payment.gatewayUrl) throw new AppError('CONFLICT', 'This payment was not asked for by a gateway QR', 'paymentId');
    if (payment.status !== 'PENDING')
      throw new AppError('CONFLICT', QR_GONE[payment.status] ?? say`This payment is ${payment.status.toLowerCase()}; its QR is no longer shown`, 'paymentId');
    const { contentType, bytes } = await (await this.gateway()).qrImage(payment.gatewayUrl);
    return { paymentId, image: `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}` };
  }

  /**
   * The link the patient pays what the appointment owes by (sent through the outbox, or
   * printed): the newest one still waiting, so sending again repeats the same link; else a new one.
   */
  async paymentLink(appointmentId: number, user: CurrentUser): Promise<string> {
    const open = await openPaymentLink(this.knex, appointmentId);
    if (open) return open;
    const { url } = await this.collect({ appointmentId, via: 'LINK' }, user);
    if (!url) throw new AppError('UNAVAILABLE', 'Razorpay made the payment link without a short URL; try again');
    return url;
  }

  /**
   * After a move into a cheaper fee: the open payment links that together ask more than the
   * appointment still owes are cancelled at the gateway and their PENDING payments dropped, so
   * the patient cannot pay the old amount (the caller then asks what is due afresh). A link the
   * gateway will not cancel (just paid) stops this with Razorpay's reason, and stays for its
   * webhook. Returns how many were dropped.
   */
  async dropOverAskingLinks(appointmentId: number): Promise<number> {
    const totals = await totalsOfAppointment(this.knex, appointmentId);
    if (!totals?.fee) return 0;
    const links = await openPaymentLinks(this.knex, appointmentId);
    const owed = toPaise(totals.fee) - (toPaise(totals.paid) - toPaise(totals.refunded));
    if (links.reduce((sum, l) => sum + toPaise(l.amount), 0) <= owed) return 0;
    const gateway = await this.gateway();
    let dropped = 0;
    for (const link of links) {
      await gateway.cancelLink(link.linkId);
      if (await dropPendingPayment(this.knex, link.id)) dropped++;
    }
    return dropped;
  }

  /**
   * Refunds part of a gateway payment at the gateway, inside the desk refund's transaction (the
   * payment row is locked, so two refunds cannot both pass the gateway). Returns the gateway's
   * refund id for the credit note; undefined for money taken at the desk.
   */
  async refundAtGateway(trx: Knex, payment: LockedPayment, amount: string, reason: string, refundKey: string): Promise<string | undefined> {
    if (!payment.gateway) return undefined;
    if (!payment.transactionId) throw new AppError('CONFLICT', 'The gateway has not reported this payment yet, so it cannot be refunded there', 'paymentId');
    const gateway = await this.gateway(trx);
    const refund = await gateway.refund(payment.transactionId, {
      amountPaise: toPaise(amount),
      receipt: refundKey,
      notes: { clinic_payment_id: String(payment.id), reason: reason.slice(0, 250) },
    });
    return refund.id;
  }

  /** The stored reconciliation runs, newest day first. */
  async reconciliationRuns(): Promise<ReconciliationRunSummaryDto[]> {
    return (await listReconciliationRuns(this.knex, RUNS_LISTED)).map(summaryOf);
  }

  async reconciliationRun(date: string): Promise<ReconciliationRunDto> {
    const run = await findReconciliationRun(this.knex, date);
    if (!run) throw new AppError('NOT_FOUND', 'The reconciliation has not run for this day', 'date');
    return { ...summaryOf(run), result: run.result };
  }

  /** An ADMIN's "Run now": the day reconciled afresh with the gateway, its stored run replaced. */
  async runReconciliation(date: string): Promise<ReconciliationRunDto> {
    const { timeZone } = await readSettings(this.knex);
    if (date > (await clinicToday(this.knex, timeZone))) throw new AppError('INVALID', 'That day has not begun; choose today or an earlier day', 'date');
    await storeReconciliationRun(this.knex, await this.reconciliation(date), true);
    return this.reconciliationRun(date);
  }

  /**
   * The gateway's books for a clinic day against the clinic's: captured payments on one side
   * and not the other, or with another amount, and payments the webhooks flagged.
   */
  async reconciliation(date: string): Promise<ReconciliationDto> {
    const gateway = await this.gateway();
    const { timeZone } = await readSettings(this.knex);
    const day = { date, timeZone };
    const { from, to } = await dayBounds(this.knex, day);
    const [atGateway, settlements] = await Promise.all([gateway.paymentsBetween(from, to), gateway.settlementsBetween(from, to)]);
    const captured = atGateway.filter((p) => p.status === 'captured' || p.status === 'refunded');
    const known = await knownTransactionIds(
      this.knex,
      captured.map((p) => p.id),
    );
    const mismatches: ReconciliationDto['mismatches'] = [];
    for (const p of captured) {
      const mine = known.get(p.id);
      const gatewayAmount = fromPaise(p.amountPaise);
      if (!mine) {
        mismatches.push({
          kind: 'ONLY_AT_GATEWAY',
          gatewayPaymentId: p.id,
          paymentId: null,
          clinicAmount: null,
          gatewayAmount,
          note: `Captured by Razorpay (${p.method}) with no payment in Clinic Desk`,
        });
      } else if (!mine.flagged && (toPaise(mine.amount) !== p.amountPaise || mine.currency !== p.currency)) {
        // A flagged payment is listed once, below, with the webhook's own account of the difference.
        mismatches.push({
          kind: 'AMOUNT_DIFFERS',
          gatewayPaymentId: p.id,
          paymentId: mine.id,
          clinicAmount: mine.amount,
          gatewayAmount,
          note: `Razorpay has ${p.currency} ${gatewayAmount}, Clinic Desk ${mine.currency} ${mine.amount}`,
        });
      }
    }
    const gatewayIds = new Set(captured.map((p) => p.id));
    for (const mine of await gatewayPaymentsOn(this.knex, day)) {
      if (mine.flagReason) {
        mismatches.push({
          kind: 'FLAGGED',
          gatewayPaymentId: mine.transactionId,
          paymentId: mine.id,
          clinicAmount: mine.amount,
          gatewayAmount: null,
          note: mine.flagReason,
        });
      } else if (mine.status !== 'PENDING' && mine.transactionId && !gatewayIds.has(mine.transactionId)) {
        mismatches.push({
          kind: 'ONLY_IN_CLINIC',
          gatewayPaymentId: mine.transactionId,
          paymentId: mine.id,
          clinicAmount: mine.amount,
          gatewayAmount: null,
          note: 'Paid in Clinic Desk, not among the payments Razorpay lists for the day',
        });
      }
    }
    const settledPaise = settlements.filter((s) => s.status === 'processed').reduce((sum, s) => sum + s.amountPaise, 0);
    return {
      date,
      gatewayPayments: captured.length,
      settled: fromPaise(settledPaise),
      mismatches,
      byGatewayMethod: await gatewayTakingsByMethod(this.knex, day),
    };
  }
}

function dueOrRefuse(due: string | null): string {
  if (due === null)
    throw new AppError(
      'CONFLICT',
      'The doctor has no consultation fee set, so the amount due is not known; take the payment at the desk with the amount',
      'appointmentId',
    );
  if (toPaise(due) === 0) throw new AppError('CONFLICT', 'Nothing is due for this visit (it is paid, or a payment is pending confirmation)', 'appointmentId');
  return due;
}
