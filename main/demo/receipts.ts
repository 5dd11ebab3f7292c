import type { Faker } from '@faker-js/faker';
import { clinicInstant, toMinutes } from './calendar';
import type { DoctorRecord } from './catalogue';
import type { AppointmentRecord } from './schedule';
import { receiptNumber } from '../payments/repo';

type PaymentMethod = 'CASH' | 'CARD' | 'UPI';

export interface PaymentRecord {
  /** Position in the appointment list. */
  appointment: number;
  /** The clinic's receipt number, CD-<year>-<6-digit sequence of that year>. */
  order_id: string;
  amount: string;
  payment_method: PaymentMethod;
  transaction_id: string | null;
  created_at: string;
}

function reference(faker: Faker, method: PaymentMethod): string | null {
  // A UPI payment is traced by its 12-digit UTR, a card payment by the terminal's approval code.
  if (method === 'UPI') return faker.string.numeric({ length: 12, allowLeadingZeros: false });
  if (method === 'CARD') return `POS${faker.string.alphanumeric({ length: 8, casing: 'upper' })}`;
  return null;
}

/**
 * One desk payment per COMPLETED appointment, paid in full at the doctor's fee (the fee's own
 * decimal text: money is never computed in floating point) a few minutes after the consultation.
 * Receipts are numbered in the order the consultations took place, restarting each year.
 */
export function planPayments(
  faker: Faker,
  appointments: readonly AppointmentRecord[],
  doctors: readonly DoctorRecord[],
  timeZone: string,
  /** Receipts already numbered per year, for payments planned in batches; updated in place. */
  sequence = new Map<string, number>(),
): PaymentRecord[] {
  const completed = appointments
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.status === 'COMPLETED')
    .sort((x, y) => x.a.appointment_date.localeCompare(y.a.appointment_date) || x.a.start_time.localeCompare(y.a.start_time) || x.a.doctor - y.a.doctor);
  return completed.map(({ a, index }) => {
    const year = a.appointment_date.slice(0, 4);
    const n = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, n);
    const fee = doctors[a.doctor]?.consultation_fee;
    if (fee === undefined) throw new Error(`Appointment ${index} names doctor ${a.doctor}, who has no fee`);
    const method = faker.helpers.weightedArrayElement<PaymentMethod>([
      { weight: 35, value: 'CASH' },
      { weight: 45, value: 'UPI' },
      { weight: 20, value: 'CARD' },
    ]);
    return {
      appointment: index,
      order_id: receiptNumber(Number(year), n),
      amount: fee,
      payment_method: method,
      transaction_id: reference(faker, method),
      created_at: clinicInstant(a.appointment_date, toMinutes(a.end_time) + faker.number.int({ min: 0, max: 10 }), timeZone),
    };
  });
}
