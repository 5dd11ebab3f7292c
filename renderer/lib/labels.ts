import type { APPOINTMENT_STATUSES, ROLES } from '../../preload/contract';
import { t } from '../i18n/instance';

// How the desk names things the contract spells in capitals, in the user's language; one place
// for every screen. Values main sends as plain text pass through as they are if unknown.

type Status = (typeof APPOINTMENT_STATUSES)[number];
const STATUSES: readonly string[] = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] satisfies Status[];
const METHODS: readonly string[] = ['CASH', 'CARD', 'UPI', 'OTHER'];

export const roleName = (role: (typeof ROLES)[number] | 'PATIENT') => t(`common:role.${role}`);

/** A status as the desk says it, also for answers that carry it as plain text (a patient's record). */
export const statusName = (status: string) => (STATUSES.includes(status) ? t(`common:status.${status as Status}`) : status);

/** Every status as the desk says it, looked up once for a screen that names many appointments. */
export const statusNames = () => Object.fromEntries(STATUSES.map((s) => [s, statusName(s)])) as Record<Status, string>;

export const methodName = (method: string) => (METHODS.includes(method) ? t(`common:method.${method as 'CASH'}`) : method);
