import type { AppointmentDto } from '../../preload/contract';
import type { CurrentUser } from './call-context';

/**
 * What runs once a booking, a series, a move or a waitlist offer taken has committed (the
 * prepay link): told the appointment as booked. The appointments' and the waitlist's handlers
 * both take it, so it belongs to neither.
 */
export type AfterBooked = (appointment: Pick<AppointmentDto, 'id' | 'appointmentTypeId'>, user: CurrentUser) => Promise<void>;
