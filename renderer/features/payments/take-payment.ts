import type { PAYMENT_METHODS, Req, Res } from '../../../preload/contract';

type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the desk fills in to take a payment, as typed. */
export type PaymentValues = {
  method: PaymentMethod;
  reference: string;
  amount: string;
  pending: boolean;
  advance: boolean;
  advanceReason: string;
};

type Totals = Res<'payments.forAppointment'>['totals'];

/**
 * The form as it opens: cash, with what is due as the amount. Nothing due offers no amount, so
 * a paid or pending visit is not charged again by Enter; no fee leaves it for the desk to type.
 */
export function openingValues(totals: Totals): PaymentValues {
  const due = totals.due === null || totals.due === '0.00' ? '' : totals.due;
  return { method: 'CASH', reference: '', amount: due, pending: false, advance: false, advanceReason: '' };
}

/**
 * The request for what was typed. Only what the chosen method shows is sent: no leftover UTR on
 * cash, no "pending" on card, no advance reason once the box is unticked. An empty amount means
 * the doctor's fee, as main reads it.
 */
export function recordRequest(appointmentId: number, v: PaymentValues): Req<'payments.record'> {
  return {
    appointmentId,
    method: v.method,
    ...(v.method !== 'CASH' && v.reference.trim() ? { reference: v.reference } : {}),
    ...(v.amount.trim() ? { amount: v.amount } : {}),
    pending: v.method === 'UPI' && v.pending,
    ...(v.advance ? { advanceReason: v.advanceReason } : {}),
  };
}

/** An amount as whole paise, for comparing exact decimals ("600", "499.5") without a float. */
const paise = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.trim().split('.');
  return BigInt(whole + fraction.padEnd(2, '0'));
};

/**
 * Whether the typed amount is more than `due`. Empty means the doctor's fee, which main compares
 * itself; the amount reaches here only once the schema has read it as money.
 */
export const isMoreThan = (amount: string, due: string) => amount.trim() !== '' && paise(amount) > paise(due);
