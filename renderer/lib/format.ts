import type { AppointmentDto } from '../../preload/contract';

/** An appointment's status as the desk says it. */
export const STATUS_NAMES: Record<AppointmentDto['status'], string> = { SCHEDULED: 'Scheduled', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'Did not come' };

/** An amount with its currency code, as receipts and the day end show it: "INR 500". */
export const money = (amount: string | number, currency: string) => `${currency} ${amount}`;

/** The same, for answers that carry the status as plain text (a patient's record). */
export const statusName = (status: string) => (STATUS_NAMES as Record<string, string | undefined>)[status] ?? status;
