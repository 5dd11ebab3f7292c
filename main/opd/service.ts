import type { Knex } from 'knex';
import type { z } from 'zod';
import type { BookedTokenDto, OpdSessionDto, bookTokenSchema, createSessionSchema, listSessionsSchema } from '../../preload/contract';
import type { AppointmentsService } from '../appointments/service';
import { busyTimesOfDoctors, doctorDay, insertBooking, patientDay } from '../appointments/repo';
import type { AuditRecord } from '../audit/repo';
import { daysBetween } from '../availability/wall-clock';
import { SqlState, pgErrorFields, refusalFor } from '../db/pg-errors';
import { withRetry } from '../db/retry';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { deleteUnusedSession, findSession, insertSession, listSessions } from './repo';

type CreateSession = z.output<typeof createSessionSchema>;
type ListSessions = z.output<typeof listSessionsSchema>;
type BookToken = z.output<typeof bookTokenSchema>;

const MAX_LIST_DAYS = 31;
const hhmm = (t: string) => t.slice(0, 5);
const describe = (s: OpdSessionDto) => `${s.doctorName}'s session of ${s.date}, ${hhmm(s.startTime)}–${hhmm(s.endTime)}`;

/**
 * Token doctors' OPD sessions. The database issues the tokens (see the opd_sessions migration):
 * capacity, the emergency reserve and gapless numbers hold however many desks book at once;
 * this service checks the rest (who may schedule, the past) and says the database's refusals
 * as the desk should read them.
 */
export class OpdService {
  constructor(
    private readonly knex: Knex,
    private readonly appointments: AppointmentsService,
  ) {}

  list(req: ListSessions): Promise<OpdSessionDto[]> {
    if (daysBetween(req.from, req.to) + 1 > MAX_LIST_DAYS) throw new AppError('INVALID', `Choose at most ${MAX_LIST_DAYS} days at a time`, 'to');
    return listSessions(this.knex, req);
  }

  async create(req: CreateSession, user: CurrentUser): Promise<OpdSessionDto> {
    this.assertOwn(user, req.doctorId);
    const doctor = await this.appointments.activeDoctor(req.doctorId);
    const now = await this.appointments.clinicNow();
    if (req.date < now.date || (req.date === now.date && req.endTime <= now.time)) throw new AppError('INVALID', 'That session would already be over', 'date');
    // Slots booked before the session was planned keep their time; the session must go around them.
    const booked = await busyTimesOfDoctors(this.knex, [req.doctorId], req.date, req.date);
    const clash = booked.find((b) => b.startTime < req.endTime && req.startTime < b.endTime);
    if (clash)
      throw new AppError('CONFLICT', `${doctor.name} has an appointment at ${hhmm(clash.startTime)}–${hhmm(clash.endTime)} then: move it first`, 'startTime');
    let id: number;
    try {
      id = await insertSession(this.knex, { ...req, room: req.room || null, createdBy: user.id });
    } catch (err) {
      if (pgErrorFields(err).constraint === 'excl_opd_session_overlap')
        throw new AppError(
          'CONFLICT',
          `${doctor.name} already has a session overlapping ${hhmm(req.startTime)}–${hhmm(req.endTime)} on ${req.date}`,
          'startTime',
        );
      throw err;
    }
    return this.get(id);
  }

  /** Only a session no token was ever booked in goes; one with tokens stays (cancel them and keep it, or let it run). */
  async remove(id: number, user: CurrentUser): Promise<OpdSessionDto> {
    const session = await this.get(id);
    this.assertOwn(user, session.doctorId);
    if (!(await deleteUnusedSession(this.knex, id))) throw new AppError('CONFLICT', `Tokens have been booked in ${describe(session)}: it stays`, 'id');
    return session;
  }

  /**
   * The session's next token for a patient, in one statement (see insertBooking): the token, its
   * date and its estimated time are the database's. `audit` is the router's row for this call.
   */
  async book(req: BookToken, user: CurrentUser, audit?: AuditRecord): Promise<BookedTokenDto> {
    const session = await this.get(req.sessionId);
    await this.appointments.activeDoctor(session.doctorId);
    const now = await this.appointments.clinicNow();
    if (session.date < now.date || (session.date === now.date && session.endTime <= now.time))
      throw new AppError('INVALID', `${describe(session)} is over`, 'sessionId');
    const emergencyReason = req.emergency?.reason ?? null;
    const who = { doctorId: session.doctorId, patientId: req.patientId };
    try {
      const appointment = await withRetry(() =>
        insertBooking(
          this.knex,
          {
            ...who,
            date: session.date,
            startTime: session.startTime,
            endTime: session.endTime,
            reason: req.reason || null,
            bookedBy: user.id,
            overrideReason: null,
            opdSessionId: session.id,
            emergencyReason,
          },
          [doctorDay(who.doctorId, session.date), patientDay(who.patientId, session.date)],
          {
            kind: 'BOOKED',
            toStatus: 'SCHEDULED',
            detail: { sessionId: session.id, doctorId: session.doctorId, emergency: emergencyReason !== null },
            userId: user.id,
          },
          audit ? [audit] : [],
        ),
      );
      return { appointment, token: appointment.sessionToken!, estimatedTime: appointment.startTime, room: appointment.room ?? null };
    } catch (err) {
      throw this.refusal(err, session) ?? err;
    }
  }

  private refusal(err: unknown, session: OpdSessionDto): AppError | undefined {
    const { code, constraint } = pgErrorFields(err);
    if (code === SqlState.CHECK_VIOLATION && constraint === 'chk_opd_session_booked')
      return new AppError('CONFLICT', `${describe(session)} is full: all ${session.capacity} tokens are booked`, 'sessionId');
    if (code === SqlState.CHECK_VIOLATION && constraint === 'chk_opd_emergency_reserve')
      return new AppError(
        'CONFLICT',
        `Only the ${session.emergencyReserve} token(s) kept for emergencies are left in ${describe(session)}: book it as an emergency, or another session`,
        'emergency',
      );
    if (code === SqlState.EXCLUSION_VIOLATION && constraint === 'excl_appointment_patient_overlap')
      return new AppError('CONFLICT', 'The patient already has an appointment at the time of this session’s next token', 'patientId');
    if (code === SqlState.EXCLUSION_VIOLATION)
      return new AppError('CONFLICT', `${session.doctorName} has an appointment booked at the time of this session’s next token`, 'sessionId');
    return refusalFor(err);
  }

  private async get(id: number): Promise<OpdSessionDto> {
    const session = await findSession(this.knex, id);
    if (!session) throw new AppError('NOT_FOUND', 'No such session', 'id');
    return session;
  }

  /** A doctor schedules their own sessions; an administrator anybody's. */
  private assertOwn(user: CurrentUser, doctorId: number): void {
    if (user.role === 'DOCTOR' && user.doctorId !== doctorId) throw new AppError('FORBIDDEN', 'A doctor can schedule only their own sessions', 'doctorId');
  }
}
