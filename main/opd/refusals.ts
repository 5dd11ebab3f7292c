import type { OpdSessionDto } from '../../preload/contract';
import { SqlState, pgErrorFields, refusalFor } from '../db/pg-errors';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';

const hhmm = (t: string) => t.slice(0, 5);
export const describeSession = (s: OpdSessionDto) => say`${s.doctorName}'s session of ${s.date}, ${hhmm(s.startTime)}–${hhmm(s.endTime)}`;

/**
 * The database's refusal of a token in `session` (a booking or a walk-in), as the desk should
 * read it; a refusal of the emergency reserve points at the request's `reserveField`.
 */
export function tokenRefusal(err: unknown, session: OpdSessionDto, reserveField: string): AppError | undefined {
  const { code, constraint } = pgErrorFields(err);
  if (code === SqlState.CHECK_VIOLATION && constraint === 'chk_opd_session_booked')
    return new AppError('CONFLICT', say`${describeSession(session)} is full: all ${session.capacity} tokens are booked`, 'sessionId');
  if (code === SqlState.CHECK_VIOLATION && constraint === 'chk_opd_emergency_reserve')
    return new AppError(
      'CONFLICT',
      say`Only the ${session.emergencyReserve} token(s) kept for emergencies are left in ${describeSession(session)}: book it as an emergency, or another session`,
      reserveField,
    );
  if (code === SqlState.EXCLUSION_VIOLATION && constraint === 'excl_appointment_patient_overlap')
    return new AppError('CONFLICT', 'The patient already has an appointment at the time of this session’s next token', 'patientId');
  if (code === SqlState.EXCLUSION_VIOLATION)
    return new AppError('CONFLICT', say`${session.doctorName} has an appointment booked at the time of this session’s next token`, 'sessionId');
  return refusalFor(err);
}
