import type { AppointmentDto } from '../../preload/contract';

/**
 * An amount as the desk, its receipts and its day-end sheet show it: the currency code and the
 * exact decimal main sent ("INR 500.00"), never through a float. A refund's amount is negative
 * in the data; where the words already say "refunded", pass `unsigned`.
 */
export function money(amount: string, currency: string, { unsigned = false } = {}): string {
  return `${currency} ${unsigned ? amount.replace(/^-/, '') : amount}`;
}

/** An appointment's status as the desk says it. */
export const STATUS_NAMES: Record<AppointmentDto['status'], string> = { SCHEDULED: 'Scheduled', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'Did not come' };

/** The same, for answers that carry the status as plain text (a patient's record). */
export const statusName = (status: string) => (STATUS_NAMES as Record<string, string | undefined>)[status] ?? status;
