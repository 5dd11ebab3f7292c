import { z } from 'zod';
import { idSchema, instantSchema } from './dto';
import { dateSchema } from './patients';
import { COLLECT_VIAS, paymentSchema } from './payments';

/** The path of the Razorpay webhook on the public gateway: the dashboard's webhook URL is the gateway's address + this. */
export const RAZORPAY_WEBHOOK_PATH = '/webhooks/razorpay';

/** A UPI ID (VPA) as NPCI allows it: handle@psp. */
export const vpaSchema = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9]{1,64}$/, 'A UPI ID looks like clinicname@okhdfcbank');

/** What an ADMIN's screen may know of the payment set-up: identifiers, and only whether each secret is set. */
export const paymentSettingsSchema = z.object({
  upiVpa: z.string().nullable(),
  upiPayeeName: z.string().nullable(),
  razorpayKeyId: z.string().nullable(),
  razorpayKeySecretSet: z.boolean(),
  razorpayWebhookSecretSet: z.boolean(),
  /** Teleconsultation patients pay (the payment link) before the join page lets them in. */
  teleconsultPrepay: z.boolean(),
  /** Test-mode keys (rzp_test_…): no real money moves. */
  razorpayTestMode: z.boolean(),
  /** Key id and secret are set: orders, QR codes and links can be made. */
  gatewayConfigured: z.boolean(),
  webhookPath: z.string(),
  updatedAt: instantSchema,
});
export type PaymentSettingsDto = z.infer<typeof paymentSettingsSchema>;

const gatewaySecret = (what: string) =>
  z
    .string()
    .trim()
    .min(8, `This is too short to be a Razorpay ${what}`)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, `Paste the ${what} exactly as Razorpay shows it (letters, digits, _ and - only)`);

/** Secrets are write-only: given, they replace the stored one; null clears it; absent keeps it. */
export const updatePaymentSettingsSchema = z.strictObject({
  upiVpa: vpaSchema.nullable().optional(),
  upiPayeeName: z.string().trim().min(2, 'At least 2 characters').max(50, 'At most 50 characters').nullable().optional(),
  razorpayKeyId: z
    .string()
    .trim()
    .regex(/^rzp_(test|live)_[A-Za-z0-9]{6,32}$/, 'A Razorpay key id looks like rzp_live_… or rzp_test_…')
    .nullable()
    .optional(),
  razorpayKeySecret: gatewaySecret('key secret').nullable().optional(),
  razorpayWebhookSecret: gatewaySecret('webhook secret').nullable().optional(),
  teleconsultPrepay: z.boolean().optional(),
});

export const upiLinkRequestSchema = z.strictObject({ appointmentId: idSchema });

/** A `upi://pay` link for what an appointment still owes, for the desk's QR. */
export const upiLinkSchema = z.object({
  appointmentId: idSchema,
  link: z.string(),
  /** Exact decimal string, two places. */
  amount: z.string(),
  currency: z.string(),
  vpa: z.string(),
  payeeName: z.string(),
  /** The reference the patient's app shows and the bank statement carries (tr). */
  reference: z.string(),
});
export type UpiLinkDto = z.infer<typeof upiLinkSchema>;

/** Collect what is due through the gateway: a dynamic QR at the desk, a payment link, or an order for checkout. */
export const collectSchema = z.strictObject({
  appointmentId: idSchema,
  via: z.enum(COLLECT_VIAS, 'Choose QR, LINK or ORDER'),
});

export const collectResultSchema = z.object({
  /** The PENDING payment that turns PAID when the gateway's webhook arrives. */
  payment: paymentSchema,
  gatewayId: z.string(),
  /** QR: the gateway's image of the code; LINK: the short link to send or print; ORDER: null. */
  url: z.string().nullable(),
});

export const gatewayQrRequestSchema = z.strictObject({ paymentId: idSchema });

/**
 * The gateway's QR image of a payment waiting on it, fetched by main and handed over as a
 * `data:` URL: the renderer loads no image from the internet (its CSP allows none), and the
 * gateway's image host may redirect anywhere.
 */
export const gatewayQrSchema = z.object({ paymentId: idSchema, image: z.string() });

export const reconciliationRequestSchema = z.strictObject({ date: dateSchema });

export const MISMATCH_KINDS = ['ONLY_AT_GATEWAY', 'ONLY_IN_CLINIC', 'AMOUNT_DIFFERS', 'FLAGGED'] as const;

export const reconciliationSchema = z.object({
  date: z.string(),
  /** Captured payments the gateway lists for the day, and what it settled. */
  gatewayPayments: z.number().int(),
  settled: z.string(),
  mismatches: z.array(
    z.object({
      kind: z.enum(MISMATCH_KINDS),
      gatewayPaymentId: z.string().nullable(),
      paymentId: idSchema.nullable(),
      clinicAmount: z.string().nullable(),
      gatewayAmount: z.string().nullable(),
      note: z.string(),
    }),
  ),
  /** The day's gateway takings by how the patient paid (upi, card, netbanking, wallet). */
  byGatewayMethod: z.array(z.object({ method: z.string(), currency: z.string(), net: z.string(), payments: z.number().int() })),
});
export type ReconciliationDto = z.infer<typeof reconciliationSchema>;

/** A stored run of the daily reconciliation (or an ADMIN's "Run now"), as the runs list shows it. */
export const reconciliationRunSummarySchema = z.object({
  date: z.string(),
  ranAt: instantSchema,
  differences: z.number().int(),
  status: z.enum(['AGREES', 'DIFFERENCES']),
});
export type ReconciliationRunSummaryDto = z.infer<typeof reconciliationRunSummarySchema>;

/** One stored run with the differences it found. */
export const reconciliationRunSchema = reconciliationRunSummarySchema.extend({ result: reconciliationSchema });
export type ReconciliationRunDto = z.infer<typeof reconciliationRunSchema>;
