import { z } from 'zod';
import { idSchema, instantSchema, RECEIPT_PAPERS } from './dto';
import { moneySchema } from './doctors';
import { dateSchema } from './patients';

export const PAYMENT_METHODS = ['CASH', 'CARD', 'UPI'] as const;
/** How a payment is collected through the gateway: a dynamic QR at the desk, a payment link, or an order for checkout. */
export const COLLECT_VIAS = ['QR', 'LINK', 'ORDER'] as const;
/** PENDING → PAID → REFUNDED (refunds add up to the whole amount). A refund row is REFUNDED from the start. */
export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'REFUNDED'] as const;
/** Methods whose payment the clinic can trace only by the terminal's or the bank's reference. */
export const METHODS_NEEDING_REFERENCE: readonly (typeof PAYMENT_METHODS)[number][] = ['CARD', 'UPI'];

/** An amount of money to take or return: an exact decimal, more than zero. */
const positiveMoney = moneySchema.refine((m) => /[1-9]/.test(m), 'The amount must be more than zero');

const referenceSchema = z.string().trim().max(100, 'At most 100 characters');

export const recordPaymentSchema = z
  .strictObject({
    appointmentId: idSchema,
    method: z.enum(PAYMENT_METHODS, 'Choose cash, card or UPI'),
    /** The card terminal's approval code or the UPI transaction id (UTR); optional for cash. */
    reference: referenceSchema.optional(),
    /** Without it, the doctor's consultation fee. */
    amount: positiveMoney.optional(),
    /** Recorded now, received later (a UPI credit still to show up): no receipt until confirmed. */
    pending: z.boolean().default(false),
    /**
     * Set only to take more than is due (money kept on account for later visits): why. Without
     * it, main refuses an amount above what is still due.
     */
    advanceReason: z.string().trim().min(3, 'Say why the money is taken in advance').max(500, 'At most 500 characters').optional(),
  })
  .refine((v) => !METHODS_NEEDING_REFERENCE.includes(v.method) || !!v.reference, {
    message: 'Enter the card approval code or the UPI transaction id',
    path: ['reference'],
  });

export const refundSchema = z.strictObject({
  paymentId: idSchema,
  amount: positiveMoney,
  reason: z.string().trim().min(3, 'Say why the money is returned').max(500, 'At most 500 characters'),
});

export const paymentsForAppointmentSchema = z.strictObject({ appointmentId: idSchema });
export const dayEndSchema = z.strictObject({ date: dateSchema });

/** Amounts are exact decimal strings; a refund row's amount is negative. */
export const paymentSchema = z.object({
  id: idSchema,
  appointmentId: idSchema,
  kind: z.enum(['PAYMENT', 'REFUND']),
  /** For a refund: the payment it returns money from. */
  refundOf: idSchema.nullable(),
  /** The clinic's receipt (or, for a refund, credit note) number; none while PENDING. */
  receiptNumber: z.string().nullable(),
  amount: z.string(),
  /** For a payment: how much of it has gone back so far. */
  refunded: z.string(),
  currency: z.string(),
  /** One of PAYMENT_STATUSES; rows from before this version may hold others. */
  status: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  /** For a refund or an advance: why. */
  note: z.string().nullable(),
  /** Taken beyond what was due, on purpose (note says why). */
  advance: z.boolean(),
  receivedBy: idSchema.nullable(),
  receivedByName: z.string().nullable(),
  paidAt: instantSchema.nullable(),
  createdAt: instantSchema,
  patientName: z.string(),
  doctorName: z.string(),
  /** Why the gateway last failed this payment (it stays PENDING and can be tried again). */
  gatewayError: z.string().nullable().optional(),
  /** Set when a gateway webhook did not match this payment (amount or currency): an ADMIN looks. */
  flagReason: z.string().nullable().optional(),
  /** Collected through the gateway: by its QR, a payment link or a checkout order; null for money taken at the desk. */
  gatewayVia: z.enum(COLLECT_VIAS).nullable().optional(),
  /** What the patient opens or scans: a link's short URL, a QR's image. */
  gatewayUrl: z.string().nullable().optional(),
});
export type PaymentDto = z.infer<typeof paymentSchema>;

export const appointmentPaymentsSchema = z.object({
  appointmentId: idSchema,
  payments: z.array(paymentSchema),
  totals: z.object({
    /** Received (PAID or since refunded), refunds not deducted. */
    paid: z.string(),
    refunded: z.string(),
    /** What the clinic holds for this appointment: paid − refunded. */
    balance: z.string(),
    /** Recorded but not yet received. */
    pending: z.string(),
    /** The doctor's consultation fee, when one is set. */
    fee: z.string().nullable(),
    /** Still to collect: fee − balance − pending, never below zero; null without a fee (none set, or 0). */
    due: z.string().nullable(),
  }),
  /** Why the desk cannot collect through the payment gateway (it falls back to the UPI QR and the UTR); null when it can. */
  gatewayUnavailable: z.string().nullable(),
});

/** The money of a clinic day's appointments at a glance (the Today board): who has paid, who owes, what is on its way. */
export const dayMoneySchema = z.object({
  /** Every appointment of the day but the cancelled ones, with the same sums as payments.forAppointment's totals. */
  appointments: z.array(z.object({ appointmentId: idSchema, balance: z.string(), pending: z.string(), due: z.string().nullable() })),
  /** Payments of the day's appointments recorded but not yet received (a UPI credit still to show up), oldest first. */
  pending: z.array(paymentSchema),
});
export type DayMoneyDto = z.infer<typeof dayMoneySchema>;

export const receiptSchema = z.object({
  id: idSchema,
  kind: z.enum(['PAYMENT', 'REFUND']),
  receiptNumber: z.string(),
  /** For a refund (credit note): the receipt of the payment it refunds. */
  refundOfReceiptNumber: z.string().nullable(),
  status: z.string(),
  clinicName: z.string(),
  clinicAddress: z.string(),
  patient: z.object({ id: idSchema, name: z.string(), phone: z.string().nullable() }),
  doctor: z.object({ id: idSchema, name: z.string(), specialization: z.string().nullable() }),
  appointment: z.object({ id: idSchema, date: z.string(), startTime: z.string(), endTime: z.string() }),
  /** What changed hands, without a sign: the kind says in which direction. */
  amount: z.string(),
  /** For a payment: refunded so far (a reprint shows it). */
  refunded: z.string(),
  currency: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  receivedBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  paidAt: instantSchema,
  /** paidAt on the clinic's clock, "YYYY-MM-DD HH:MM", as the receipt prints it. */
  paidAtClinicTime: z.string(),
  timeZone: z.string(),
  /** The paper the clinic prints receipts on (a setting). */
  paper: z.enum(RECEIPT_PAPERS),
});
export type ReceiptDto = z.infer<typeof receiptSchema>;

const sums = {
  currency: z.string(),
  received: z.string(),
  refunded: z.string(),
  net: z.string(),
  payments: z.number().int(),
  refunds: z.number().int(),
};

export const dayEndSummarySchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  /** One line per currency (normally just the clinic's). */
  totals: z.array(z.object(sums)),
  byMethod: z.array(z.object({ method: z.string().nullable(), ...sums })),
  byUser: z.array(z.object({ userId: idSchema.nullable(), userName: z.string().nullable(), ...sums })),
  /** Every payment and refund received or paid out that day, in order. */
  entries: z.array(paymentSchema),
  /** Takings through the payment gateway by how the patient paid there (upi, card, netbanking, wallet), refunds netted. */
  gatewayByMethod: z.array(z.object({ method: z.string(), currency: z.string(), net: z.string(), payments: z.number().int() })).optional(),
});
export type DayEndSummaryDto = z.infer<typeof dayEndSummarySchema>;
