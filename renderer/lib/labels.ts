import type { APPOINTMENT_STATUSES, ROLES } from '../../preload/contract';

/** How the desk names things the contract spells in capitals; one table each, for every screen. */
export const ROLE_NAMES: Record<(typeof ROLES)[number] | 'PATIENT', string> = {
  ADMIN: 'Administrator',
  DOCTOR: 'Doctor',
  RECEPTIONIST: 'Front desk',
  PATIENT: 'Patient',
};

export const APPOINTMENT_STATUS_NAMES: Record<(typeof APPOINTMENT_STATUSES)[number], string> = {
  SCHEDULED: 'Scheduled',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'Did not come',
};

/** A status as the desk says it, for answers that carry it as plain text (a patient's record). */
export const statusName = (status: string) => (APPOINTMENT_STATUS_NAMES as Record<string, string | undefined>)[status] ?? status;
