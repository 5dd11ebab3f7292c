import type { Knex } from 'knex';
import type { AppointmentDto, OpdSessionDto, Priority } from '../../preload/contract';
import { doctorDay, insertBooking, patientDay } from '../appointments/repo';
import type { AuditRecord } from '../audit/repo';
import type { CurrentUser } from '../shared/call-context';
import { tokenRefusal } from './refusals';

/** Who a token is for, and whether they go ahead (with the reason); only an emergency may take the session's reserved tokens. */
interface TokenRequest {
  patientId: number;
  reason?: string;
  priority?: { kind: Priority; reason: string };
}

interface TokenOptions {
  walkIn?: boolean;
  audits: readonly AuditRecord[];
  /** The request's field a refusal of the emergency reserve points at. */
  reserveField: 'priority' | 'emergency';
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
  { walkIn = false, audits, reserveField }: TokenOptions,
): Promise<AppointmentDto> {
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
        priority: req.priority ?? null,
      },
      [doctorDay(session.doctorId, session.date), patientDay(req.patientId, session.date)],
      {
        kind: 'BOOKED',
        toStatus: 'SCHEDULED',
        detail: { sessionId: session.id, doctorId: session.doctorId, priority: req.priority?.kind ?? null, ...(walkIn ? { walkIn } : {}) },
        userId: user.id,
      },
      audits,
    );
  } catch (err) {
    throw tokenRefusal(err, session, reserveField) ?? err;
  }
}
