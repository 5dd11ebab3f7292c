import type { Knex } from 'knex';
import type { AppointmentDto, OpdSessionDto } from '../../preload/contract';
import { doctorDay, insertBooking, patientDay } from '../appointments/repo';
import type { AuditRecord } from '../audit/repo';
import type { CurrentUser } from '../shared/call-context';
import { tokenRefusal } from './refusals';

/** Who a token is for; an emergency, with its reason, may take the session's reserved tokens. */
interface TokenRequest {
  patientId: number;
  reason?: string;
  emergency?: { reason: string };
}

/**
 * The session's next token for a patient, whether booked ahead or walked in, in one statement
 * (see insertBooking): the database issues the number and its estimated time under the
 * doctor's and the patient's day locks, so capacity and the reserve hold however many desks ask
 * at once. A walk-in's caller checks it in within the same transaction. The database's refusals
 * come back as the desk should read them; a deadlock comes back as it is, for the caller's retry.
 */
export async function tokenAppointment(
  knex: Knex,
  session: OpdSessionDto,
  req: TokenRequest,
  user: CurrentUser,
  { walkIn = false, audits = [] }: { walkIn?: boolean; audits?: readonly AuditRecord[] } = {},
): Promise<AppointmentDto> {
  const emergencyReason = req.emergency?.reason ?? null;
  try {
    return await insertBooking(
      knex,
      {
        patientId: req.patientId,
        doctorId: session.doctorId,
        date: session.date,
        startTime: session.startTime,
        endTime: session.endTime,
        reason: req.reason || null,
        bookedBy: user.id,
        overrideReason: null,
        isWalkIn: walkIn,
        opdSessionId: session.id,
        emergencyReason,
      },
      [doctorDay(session.doctorId, session.date), patientDay(req.patientId, session.date)],
      {
        kind: 'BOOKED',
        toStatus: 'SCHEDULED',
        detail: { sessionId: session.id, doctorId: session.doctorId, emergency: emergencyReason !== null, ...(walkIn ? { walkIn } : {}) },
        userId: user.id,
      },
      audits,
    );
  } catch (err) {
    throw tokenRefusal(err, session) ?? err;
  }
}
