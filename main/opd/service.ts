import type { Knex } from 'knex';
import type { z } from 'zod';
import type { BookedTokenDto, OpdSessionDto, bookTokenSchema, createSessionSchema, listSessionsSchema, updateSessionSchema } from '../../preload/contract';
import type { AppointmentsService } from '../appointments/service';
import { busyTimesOfDoctors, doctorDay, lockDays } from '../appointments/repo';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { daysBetween } from '../availability/wall-clock';
import { SqlState, pgErrorFields, refusalFor } from '../db/pg-errors';
import { transactionWithRetry, withRetry } from '../db/retry';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { deleteUnusedSession, findSession, insertSession, listSessions, slotNumberIn, updateSession } from './repo';
import { describeSession } from './refusals';
import { assertClinicOpen } from '../holidays/clinic-open';
import { tokenAppointment } from './token-appointment';

type CreateSession = z.output<typeof createSessionSchema>;
type ListSessions = z.output<typeof listSessionsSchema>;
type BookToken = z.output<typeof bookTokenSchema>;
type UpdateSession = z.output<typeof updateSessionSchema>;

const MAX_LIST_DAYS = 31;
const hhmm = (t: string) => t.slice(0, 5);

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
    if (daysBetween(req.from, req.to) + 1 > MAX_LIST_DAYS) throw new AppError('INVALID', say`Choose at most ${MAX_LIST_DAYS} days at a time`, 'to');
    return listSessions(this.knex, req);
  }

  async create(req: CreateSession, user: CurrentUser): Promise<OpdSessionDto> {
    this.assertOwn(user, req.doctorId);
    const doctor = await this.appointments.activeDoctor(req.doctorId);
    await assertClinicOpen(this.knex, req.date);
    const now = await this.appointments.clinicNow();
    if (req.date < now.date || (req.date === now.date && req.endTime <= now.time)) throw new AppError('INVALID', 'That session would already be over', 'date');
    let id: number;
    try {
      // The doctor's day lock: check-in numbers and session blocks are handed out one at a time.
      id = await transactionWithRetry(this.knex, async (trx) => {
        await lockDays(trx, [doctorDay(req.doctorId, req.date)]);
        await this.assertNoSlotsIn(trx, req.doctorId, req.date, req, doctor.name);
        return insertSession(trx, { ...req, room: req.room || null, createdBy: user.id });
      });
    } catch (err) {
      throw this.planRefusal(err, doctor.name, req.date, req) ?? err;
    }
    return this.get(id);
  }

  /**
   * A session's new plan. Its doctor, day and block of numbers stay; its live tokens move to the
   * new pace in the same statement. Refused, changing nothing: a capacity below the highest
   * token booked, a block running into another session's numbers or a slot patient's, times
   * over a slot booking or another session, and a session already over. `audit` is the
   * router's row for this call, written with the change (before and after).
   */
  async update(req: UpdateSession, user: CurrentUser, audit: AuditRecord): Promise<OpdSessionDto> {
    const before = await this.get(req.id);
    this.assertOwn(user, before.doctorId);
    const now = await this.appointments.clinicNow();
    if (before.date < now.date || (before.date === now.date && before.endTime <= now.time))
      throw new AppError('CONFLICT', say`${describeSession(before)} is over: it keeps its plan`, 'id');
    if (before.date === now.date && req.endTime <= now.time) throw new AppError('INVALID', 'That end time has already passed', 'endTime');
    const plan = { startTime: req.startTime, endTime: req.endTime, capacity: req.capacity, emergencyReserve: req.emergencyReserve, room: req.room || null };
    if (before.highestToken !== null && before.highestToken > before.firstToken + plan.capacity - 1)
      throw new AppError(
        'CONFLICT',
        say`Token ${before.highestToken} is booked in ${describeSession(before)}: keep at least ${before.highestToken - before.firstToken + 1} tokens`,
        'capacity',
      );
    try {
      await transactionWithRetry(this.knex, async (trx) => {
        await lockDays(trx, [doctorDay(before.doctorId, before.date)]);
        await this.assertNoSlotsIn(trx, before.doctorId, before.date, plan, before.doctorName);
        const lastToken = before.firstToken + plan.capacity - 1;
        const numbered = await slotNumberIn(trx, before.doctorId, before.date, before.firstToken, lastToken);
        if (numbered !== undefined)
          throw new AppError(
            'CONFLICT',
            say`Token ${numbered} today is a checked-in slot patient's: the session's tokens can go up to ${numbered - 1} at most`,
            'capacity',
          );
        await updateSession(trx, before.id, plan);
        await insertAudit(trx, { ...audit, entityId: before.id, detail: { before: planOf(before), after: plan } });
      });
    } catch (err) {
      throw this.planRefusal(err, before.doctorName, before.date, plan) ?? err;
    }
    return this.get(req.id);
  }

  /** Only a session no token was ever booked in goes; one with tokens stays (cancel them and keep it, or let it run). */
  async remove(id: number, user: CurrentUser): Promise<OpdSessionDto> {
    const session = await this.get(id);
    this.assertOwn(user, session.doctorId);
    if (!(await deleteUnusedSession(this.knex, id)))
      throw new AppError('CONFLICT', say`Tokens have been booked in ${describeSession(session)}: it stays`, 'id');
    return session;
  }

  /** The session's next token for a patient (see tokenAppointment). `audit` is the router's row for this call. */
  async book(req: BookToken, user: CurrentUser, audit: AuditRecord): Promise<BookedTokenDto> {
    const session = await this.get(req.sessionId);
    await this.appointments.activeDoctor(session.doctorId);
    await assertClinicOpen(this.knex, session.date);
    const now = await this.appointments.clinicNow();
    if (session.date < now.date || (session.date === now.date && session.endTime <= now.time))
      throw new AppError('INVALID', say`${describeSession(session)} is over`, 'sessionId');
    const request = {
      patientId: req.patientId,
      reason: req.reason,
      ...(req.emergency ? { priority: { kind: 'EMERGENCY' as const, reason: req.emergency.reason } } : {}),
    };
    const appointment = await withRetry(() => tokenAppointment(this.knex, session, request, user, { audits: [audit], reserveField: 'emergency' }));
    return { appointment, token: appointment.sessionToken!, estimatedTime: appointment.startTime, room: appointment.room ?? null };
  }

  private async get(id: number): Promise<OpdSessionDto> {
    const session = await findSession(this.knex, id);
    if (!session) throw new AppError('NOT_FOUND', 'No such session', 'id');
    return session;
  }

  /** Slots booked before the session was planned (or moved) keep their time; the session must go around them. */
  private async assertNoSlotsIn(trx: Knex, doctorId: number, date: string, plan: { startTime: string; endTime: string }, doctorName: string): Promise<void> {
    const booked = await busyTimesOfDoctors(trx, [doctorId], date, date);
    const clash = booked.find((b) => b.sessionId === null && b.startTime < plan.endTime && plan.startTime < b.endTime);
    if (clash)
      throw new AppError('CONFLICT', say`${doctorName} has an appointment at ${hhmm(clash.startTime)}–${hhmm(clash.endTime)} then: move it first`, 'startTime');
  }

  /** The database's refusal of a session's plan (new or edited), as the admin should read it. */
  private planRefusal(err: unknown, doctorName: string, date: string, plan: { startTime: string; endTime: string }): AppError | undefined {
    const { code, constraint } = pgErrorFields(err);
    if (constraint === 'excl_opd_session_overlap')
      return new AppError(
        'CONFLICT',
        say`${doctorName} already has a session overlapping ${hhmm(plan.startTime)}–${hhmm(plan.endTime)} on ${date}`,
        'startTime',
      );
    if (constraint === 'excl_opd_session_numbers')
      return new AppError(
        'CONFLICT',
        say`${doctorName}'s next session of ${date} numbers its tokens straight after this one's: add a session for the extra tokens instead`,
        'capacity',
      );
    if (code === SqlState.EXCLUSION_VIOLATION && constraint === 'excl_appointment_patient_overlap')
      return new AppError('CONFLICT', 'A patient holding a token has another appointment at that token’s new time: move that appointment first', 'startTime');
    if (code === SqlState.EXCLUSION_VIOLATION)
      return new AppError('CONFLICT', say`${doctorName} has an appointment at a token’s new time: move it first`, 'startTime');
    return refusalFor(err);
  }

  /** A doctor schedules their own sessions; an administrator anybody's. */
  private assertOwn(user: CurrentUser, doctorId: number): void {
    if (user.role === 'DOCTOR' && user.doctorId !== doctorId) throw new AppError('FORBIDDEN', 'A doctor can schedule only their own sessions', 'doctorId');
  }
}

const planOf = (s: OpdSessionDto) => ({ startTime: s.startTime, endTime: s.endTime, capacity: s.capacity, emergencyReserve: s.emergencyReserve, room: s.room });
