import type { Knex } from 'knex';
import type { z } from 'zod';
import type {
  AppointmentDto,
  AvailabilityWindow,
  DoctorDto,
  Priority,
  bookSchema,
  completeSchema,
  freeSlotsSchema,
  rescheduleSchema,
  undoSchema,
  walkInSchema,
} from '../../preload/contract';
import { horizonProblem } from '../appointment-types/horizon';
import { defaultTypeOf, findType, typeForDoctor, type TypeForDoctor } from '../appointment-types/repo';
import { hoursProblem } from '../availability/hours';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { transactionWithRetry, withRetry } from '../db/retry';
import { windowsInRange } from '../availability/repo';
import { assertNotHoliday } from '../holidays/clinic-open';
import { freeSlotsOfDay } from '../availability/slots';
import { daysBetween, eachDate, shiftDate, toMinutes, toTime } from '../availability/wall-clock';
import { findDoctor, findDoctorDay, listDoctors } from '../doctors/repo';
import type { CallContext, CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import { findPatient } from '../patients/repo';
import { queueRecallReminder } from '../recalls/reminder';
import { deleteRecallsOfCompletion, insertRecall } from '../recalls/repo';
import { findSession, sessionTimesOfDoctors } from '../opd/repo';
import { tokenAppointment } from '../opd/token-appointment';
import { clinicNow } from '../settings/clinic-time';
import { readSettings } from '../settings/repo';
import { groupBy } from '../../preload/contract/group-by';
import type { SettingsService } from '../settings/service';
import { anyoneWaitingFor, type FreedSlot } from '../waitlist/repo';
import { freedTimeOf } from '../waitlist/offer-messages';
import {
  findAppointment,
  findClash,
  historyOf,
  insertAppointment,
  insertBooking,
  insertHistory,
  lastUndoableChange,
  listAppointments,
  busyTimesOfDoctors,
  doctorDay,
  lockDays,
  patientDay,
  markUndone,
  nextToken,
  updateAppointmentIf,
  typeChanges,
} from './repo';
import { SqlState, refusalFor, violatedConstraint } from '../db/pg-errors';

type Book = z.output<typeof bookSchema>;
type Reschedule = z.output<typeof rescheduleSchema>;
type FreeSlots = z.output<typeof freeSlotsSchema>;
type WalkIn = z.output<typeof walkInSchema>;
type Undo = z.output<typeof undoSchema>;
type Complete = z.output<typeof completeSchema>;
type Slot = { date: string; startTime: string; endTime: string };
/** A slot with the buffers its doctor keeps clear around it. */
type BufferedSlot = Slot & { bufferBeforeMinutes?: number; bufferAfterMinutes?: number };
type Who = { doctorId: number; patientId: number };

const UNDO_MINUTES = 10;
const MAX_LIST_DAYS = 31;
const FREE_SLOT_CHUNK_DAYS = 7;

const hhmm = (t: string) => t.slice(0, 5);
/** An appointment's state as a refusal says it ("This appointment is cancelled"), and the step it names ("cannot be cancelled"). */
const STATUS_WORDS: Record<string, Sentence> = {
  SCHEDULED: say`scheduled`,
  COMPLETED: say`completed`,
  CANCELLED: say`cancelled`,
  NO_SHOW: say`marked as no-show`,
};
const DAY_MINUTES = 24 * 60;
export const buffersOf = (t: { bufferBeforeMinutes?: number; bufferAfterMinutes?: number } | null) => ({
  bufferBeforeMinutes: t?.bufferBeforeMinutes ?? 0,
  bufferAfterMinutes: t?.bufferAfterMinutes ?? 0,
});
/**
 * The appointment in the way of a refused write, named for the desk: the patient's (with their
 * doctor), or the doctor's (with their patient), said too close when only the buffers meet.
 */
function clashMessage(clash: AppointmentDto, slot: Slot, byPatient: boolean): Sentence {
  const [from, to, date] = [hhmm(clash.startTime), hhmm(clash.endTime), clash.date];
  if (byPatient) return say`${clash.patientName} already has an appointment ${from}–${to} on ${date} with ${clash.doctorName}`;
  // Said when only the buffers meet, or the desk would look for an overlap that is not there.
  const overlaps = clash.date === slot.date && clash.startTime < slot.endTime && slot.startTime < clash.endTime;
  return overlaps
    ? say`${clash.doctorName} already has an appointment ${from}–${to} on ${date} (${clash.patientName})`
    : say`${clash.doctorName} already has an appointment ${from}–${to} on ${date} (${clash.patientName}), too close with the buffer time kept around appointments`;
}

/** Hours are the doctor's to bend: their own appointments, or any for an ADMIN. */
const mayOverride = (user: CurrentUser, doctorId: number) => user.role === 'ADMIN' || (user.role === 'DOCTOR' && user.doctorId === doctorId);

/**
 * The rules of the appointment book. Overlaps are refused by the database (exclusion
 * constraints), so two desks booking the same minute cannot both win; everything else —
 * hours, the past, transitions, undo — is checked here, whatever the renderer sends.
 */
export class AppointmentsService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly now: () => number = Date.now,
    /** Told of time a cancellation, a no-show, a move or new working time gives back, inside that change's transaction (the waitlist offers it). */
    private readonly onFreed: (trx: Knex, freed: readonly FreedSlot[]) => Promise<unknown> = async () => undefined,
  ) {}

  /** Hands time given back to the waitlist, in the transaction that gave it back. */
  async offerFreed(trx: Knex, appointments: readonly AppointmentDto[]): Promise<void> {
    const freed = freedTimeOf(appointments, await this.clinicNowIn(trx));
    if (freed.length) await this.onFreed(trx, freed);
  }

  /**
   * Offers the free slots of newly opened working time (extra hours, leave taken back) to the
   * waitlist, in the transaction that opened it: each slot of the doctor's day inside `span`
   * that nothing holds, from now on.
   */
  async offerOpened(trx: Knex, doctorId: number, date: string, span: { startTime: string; endTime: string }): Promise<void> {
    const now = await this.clinicNowIn(trx);
    // A pattern expanded for months opens hundreds of days: most have nobody to offer them to.
    if (date < now.date || !(await anyoneWaitingFor(trx, doctorId, date))) return;
    const windows = await windowsInRange(trx, [doctorId], date, date);
    const bookings = await busyTimesOfDoctors(trx, [doctorId], date, date);
    const sessions = await sessionTimesOfDoctors(trx, [doctorId], date, date);
    const [from, to] = [toMinutes(span.startTime), toMinutes(span.endTime)];
    const slots = freeSlotsOfDay(
      windows.filter((w) => w.available),
      [...windows.filter((w) => !w.available), ...sessions],
      bookings,
      date === now.date ? toMinutes(now.time) : 0,
    ).filter((s) => toMinutes(s.startTime) >= from && toMinutes(s.endTime) <= to);
    if (slots.length)
      await this.onFreed(
        trx,
        slots.map((s) => ({ doctorId, date, ...s, patientId: null, appointmentId: null })),
      );
  }

  async list(doctorIds: readonly number[], from: string, to: string): Promise<AppointmentDto[]> {
    if (daysBetween(from, to) + 1 > MAX_LIST_DAYS) throw new AppError('INVALID', say`Choose at most ${MAX_LIST_DAYS} days at a time`, 'to');
    return listAppointments(this.knex, doctorIds, from, to);
  }

  /**
   * The next free slots of one doctor, or of every active doctor of a specialization, soonest
   * first. Of a type: only its doctors, each with their length for it, its buffers kept clear,
   * not sooner than its notice nor further ahead than it may be booked.
   */
  async freeSlots(req: FreeSlots, options: { ignoreHorizon?: boolean } = {}) {
    let doctors = req.doctorId
      ? [await this.activeDoctor(req.doctorId)]
      : await listDoctors(this.knex, { specialization: req.specialization, includeInactive: false });
    const type = req.appointmentTypeId ? await findType(this.knex, req.appointmentTypeId) : undefined;
    if (req.appointmentTypeId && !type?.active) throw new AppError('NOT_FOUND', 'No such appointment type', 'appointmentTypeId');
    const lengthOf = new Map(type?.doctors.map((d) => [d.doctorId, d.durationMinutes ?? type.durationMinutes]));
    if (type) {
      if (req.doctorId && !lengthOf.has(req.doctorId)) throw new AppError('INVALID', say`${doctors[0]!.name} does not offer ${type.name}`, 'appointmentTypeId');
      doctors = doctors.filter((d) => lengthOf.has(d.id));
    }
    if (doctors.length === 0) return [];
    const now = await this.clinicNow();
    // The earliest bookable minute: now, or later by the type's notice (which may reach past today).
    const earliest = toMinutes(now.time) + (type && !options.ignoreHorizon ? type.minNoticeMinutes : 0);
    const earliestDate = shiftDate(now.date, Math.floor(earliest / DAY_MINUTES));
    const start = req.from && req.from > earliestDate ? req.from : earliestDate;
    const horizon = type?.maxDaysAhead && !options.ignoreHorizon ? shiftDate(now.date, type.maxDaysAhead) : undefined;
    const end = horizon && horizon < shiftDate(start, req.days - 1) ? horizon : shiftDate(start, req.days - 1);
    const buffers = { before: type?.bufferBeforeMinutes ?? 0, after: type?.bufferAfterMinutes ?? 0 };
    const ids = doctors.map((d) => d.id);
    const key = (doctorId: number, date: string) => `${doctorId}|${date}`;
    const out: { doctorId: number; doctorName: string; date: string; startTime: string; endTime: string }[] = [];
    // A week at a time: the next free slots are nearly always in the first one, and reading a
    // whole month of a specialty's bookings for them would cost several times as much.
    for (let from = start; from <= end && out.length < req.count; from = shiftDate(from, FREE_SLOT_CHUNK_DAYS)) {
      const to = shiftDate(from, FREE_SLOT_CHUNK_DAYS - 1) < end ? shiftDate(from, FREE_SLOT_CHUNK_DAYS - 1) : end;
      const [windows, bookings, sessions] = await Promise.all([
        windowsInRange(this.knex, ids, from, to),
        busyTimesOfDoctors(this.knex, ids, from, to),
        sessionTimesOfDoctors(this.knex, ids, from, to),
      ]);
      const windowsBy = groupBy(windows, (w) => key(w.doctorId, w.date));
      const bookingsBy = groupBy(bookings, (b) => key(b.doctorId, b.date));
      const sessionsBy = groupBy(sessions, (b) => key(b.doctorId, b.date));
      for (const date of eachDate(from, to)) {
        const notBefore = date === earliestDate ? earliest % DAY_MINUTES : 0;
        const day = doctors.flatMap((d) => {
          const own = windowsBy.get(key(d.id, date)) ?? [];
          // A token doctor's session time is for tokens, never for slots.
          return freeSlotsOfDay(
            own.filter((w) => w.available),
            [...own.filter((w) => !w.available), ...(sessionsBy.get(key(d.id, date)) ?? [])],
            bookingsBy.get(key(d.id, date)) ?? [],
            notBefore,
            lengthOf.get(d.id) ?? req.durationMinutes,
            buffers,
          ).map((s) => ({ doctorId: d.id, doctorName: d.name, date, ...s }));
        });
        day.sort((a, b) => a.startTime.localeCompare(b.startTime) || a.doctorName.localeCompare(b.doctorName));
        out.push(...day.slice(0, req.count - out.length));
        if (out.length >= req.count) break;
      }
    }
    return out;
  }

  /**
   * `audit` is the router's row for this call: written in the booking's own statement, so a
   * booking is one commit (the caller then sets `audited`). `alongside` is the caller's own writes
   * that stand or fall with the booking (a waitlist offer taken): they run in its transaction.
   */
  async book(
    req: Book,
    user: CurrentUser,
    ctx: CallContext,
    audit: AuditRecord,
    alongside?: (trx: Knex.Transaction, booked: AppointmentDto) => Promise<void>,
  ): Promise<AppointmentDto> {
    const { doctor, windows, sessions } = await this.activeDoctorOn(req.doctorId, req.date);
    const type = await this.chosenType(doctor, req.appointmentTypeId, Boolean(req.endTime));
    const slot = type ? this.span(req.date, req.startTime, type.durationMinutes) : await this.slotOf(windows, req);
    await this.assertNotPast(slot);
    if (type) await this.checkHorizon(type, slot);
    this.assertNotInSession(doctor, slot, sessions);
    const overrideReason = this.checkHours(doctor, slot, windows, req.override, user);
    const audits = [audit, ...(overrideReason ? [this.overrideAudit(user, ctx, overrideReason)] : [])];
    const who = { doctorId: req.doctorId, patientId: req.patientId };
    // The patient's existence is the foreign key's to check, in the same statement.
    const insert = (knex: Knex) =>
      insertBooking(
        knex,
        { ...who, ...slot, reason: req.reason || null, bookedBy: user.id, overrideReason, type },
        [doctorDay(who.doctorId, slot.date), patientDay(who.patientId, slot.date)],
        {
          kind: 'BOOKED',
          toStatus: 'SCHEDULED',
          detail: { ...slot, doctorId: req.doctorId, ...(type ? { appointmentTypeId: type.id, fee: type.fee } : {}) },
          reason: overrideReason,
          userId: user.id,
        },
        audits,
      );
    return this.withConflictMessage(who, { ...slot, ...buffersOf(type) }, null, () =>
      alongside
        ? transactionWithRetry(this.knex, async (trx) => {
            const booked = await insert(trx);
            await alongside(trx, booked);
            return booked;
          })
        : withRetry(() => insert(this.knex)),
    );
  }

  /** Moves or resizes a SCHEDULED appointment (to another doctor too); a check-in does not survive a move to another day. */
  async reschedule(req: Reschedule, user: CurrentUser, ctx: CallContext): Promise<AppointmentDto> {
    const current = await this.get(req.id);
    if (current.status !== 'SCHEDULED')
      throw new AppError('CONFLICT', say`This appointment is ${this.describe(current.status)}; only a scheduled one can be moved`, 'id');
    if (current.sessionId)
      throw new AppError('CONFLICT', say`Token ${String(current.sessionToken)} keeps its session: cancel it and book a token in another session`, 'id');
    const doctorId = req.doctorId ?? current.doctorId;
    const { doctor, windows, sessions } = await this.activeDoctorOn(doctorId, req.date);
    // A new type, or a typed appointment going to another doctor, is booked as that doctor's
    // type anew (they must offer it; its fee and buffers follow). Otherwise it keeps its own.
    const typeId = req.appointmentTypeId ?? current.appointmentTypeId;
    const retyped = Boolean(typeId) && (typeId !== current.appointmentTypeId || doctorId !== current.doctorId);
    const type = !typeId ? null : retyped ? await this.typeFor(doctor, typeId) : ((await typeForDoctor(this.knex, typeId, doctorId)) ?? null);
    const duration = req.appointmentTypeId && type ? type.durationMinutes : toMinutes(current.endTime) - toMinutes(current.startTime);
    const slot = req.endTime ? { date: req.date, startTime: req.startTime, endTime: req.endTime } : this.span(req.date, req.startTime, duration);
    await this.assertNotPast(slot);
    if (type) await this.checkHorizon(type, slot);
    this.assertNotInSession(doctor, slot, sessions);
    const overrideReason = this.checkHours(doctor, slot, windows, req.override, user);
    const who = { doctorId, patientId: current.patientId };
    const buffers = buffersOf(retyped ? type : current);
    await this.withConflictMessage(who, { ...slot, ...buffers }, current.id, () =>
      this.inLockedDays(who, slot, async (trx) => {
        const changes: Record<string, unknown> = {
          doctor_id: doctorId,
          appointment_date: slot.date,
          start_time: slot.startTime,
          end_time: slot.endTime,
          override_reason: overrideReason,
        };
        if (retyped) Object.assign(changes, typeChanges(type));
        if (slot.date !== current.date || doctorId !== current.doctorId) Object.assign(changes, { checked_in_at: null, token_no: null });
        if (!(await updateAppointmentIf(trx, current.id, 'SCHEDULED', changes))) throw await this.transitionError(trx, current.id, say`moved`);
        const from = {
          doctorId: current.doctorId,
          date: current.date,
          startTime: current.startTime,
          endTime: current.endTime,
          checkedInAt: current.checkedInAt,
          tokenNo: current.tokenNo,
        };
        const typeMove = retyped
          ? { fromType: { id: current.appointmentTypeId, fee: current.fee, ...buffersOf(current) }, toType: { id: type!.id, fee: type!.fee } }
          : {};
        await insertHistory(trx, [
          { appointmentId: current.id, kind: 'RESCHEDULED', detail: { from, to: { doctorId, ...slot }, ...typeMove }, reason: overrideReason, userId: user.id },
        ]);
        // The old time is given back unless the appointment still holds part of it.
        const stillHeld = doctorId === current.doctorId && slot.date === current.date && slot.startTime < current.endTime && current.startTime < slot.endTime;
        if (!stillHeld) await this.offerFreed(trx, [current]);
        if (overrideReason) await insertAudit(trx, { ...this.overrideAudit(user, ctx, overrideReason), entityId: current.id });
        return current.id;
      }),
    );
    return this.get(current.id);
  }

  cancel(id: number, reason: string, user: CurrentUser): Promise<AppointmentDto> {
    return this.transition(id, 'CANCELLED', user, { cancel_reason: reason }, reason);
  }

  /** With a recall ("see again in N days", from today), made in the completion's transaction: both or neither. */
  async complete(req: Complete, user: CurrentUser): Promise<AppointmentDto> {
    const current = await this.get(req.id);
    const today = (await this.clinicNow()).date;
    if (current.date > today) throw new AppError('CONFLICT', 'An appointment on a later day cannot be completed yet', 'id');
    const { recall } = req;
    const { timeZone } = await this.settings.get();
    return this.transition(req.id, 'COMPLETED', user, { completed_at: this.knex.fn.now() }, undefined, async (trx) => {
      if (!recall) return;
      const made = { patientId: current.patientId, doctorId: current.doctorId, dueDate: shiftDate(today, recall.inDays) };
      const id = await insertRecall(trx, { ...made, reason: recall.reason || null, appointmentId: current.id }, user.id);
      await queueRecallReminder(trx, { id, ...made }, timeZone, this.now());
    });
  }

  async noShow(id: number, user: CurrentUser): Promise<AppointmentDto> {
    const current = await this.get(id);
    const now = await this.clinicNow();
    if (current.date > now.date || (current.date === now.date && current.startTime > now.time)) {
      throw new AppError('CONFLICT', 'A patient can be marked as not coming only once the appointment time has come', 'id');
    }
    return this.transition(id, 'NO_SHOW', user, {});
  }

  /** Arrival at the desk: a check-in time and the day's next token; the appointment stays SCHEDULED. */
  async checkIn(id: number, user: CurrentUser): Promise<AppointmentDto> {
    const current = await this.get(id);
    if (current.status !== 'SCHEDULED') throw new AppError('CONFLICT', say`This appointment is ${this.describe(current.status)}`, 'id');
    if (current.date !== (await this.clinicNow()).date)
      throw new AppError('CONFLICT', say`Check-in is for today's appointments; this one is on ${current.date}`, 'id');
    if (current.checkedInAt) return current;
    await this.knex.transaction(async (trx) => {
      await lockDays(trx, [doctorDay(current.doctorId, current.date)]);
      // A session's token is the patient's number in the waiting room too.
      const token = current.sessionToken ?? (await nextToken(trx, current.doctorId, current.date));
      if (!(await updateAppointmentIf(trx, id, 'SCHEDULED', { checked_in_at: trx.fn.now(), token_no: token })))
        throw await this.transitionError(trx, id, say`checked in`);
      await insertHistory(trx, [{ appointmentId: id, kind: 'CHECKED_IN', detail: { tokenNo: token }, userId: user.id }]);
    });
    return this.get(id);
  }

  /**
   * A patient without an appointment: the doctor's current or next free slot today, checked in at
   * once, with their priority (if any) set in the same commit. `audit` is the router's row for
   * this call, written with the walk-in.
   */
  async walkIn(req: WalkIn, user: CurrentUser, audit: AuditRecord): Promise<AppointmentDto> {
    const doctor = await this.activeDoctor(req.doctorId);
    if (!(await findPatient(this.knex, req.patientId))) throw new AppError('NOT_FOUND', 'No patient has this number', 'patientId');
    // A walk-in is here now: a type's notice and horizon are for bookings ahead, not for them.
    const type = await this.chosenType(doctor, req.appointmentTypeId, false);
    const now = await this.clinicNow();
    // A token doctor in session takes a walk-in as the session's next token, never a slot.
    const sessions = await sessionTimesOfDoctors(this.knex, [doctor.id], now.date, now.date);
    const inSession = sessions.find((s) => s.startTime <= now.time && now.time < s.endTime);
    const audits = [{ ...audit, ...(req.priority ? { detail: { priority: req.priority.kind, reason: req.priority.reason } } : {}) }];
    if (inSession) return this.walkInToken(req, inSession.id, user, audits);
    const slotMinutes = (await this.settings.get()).defaultSlotMinutes;
    const [free] = await this.freeSlots(
      { doctorId: doctor.id, from: now.date, days: 1, count: 1, ...(type ? { appointmentTypeId: type.id } : {}) },
      { ignoreHorizon: true },
    );
    // The slot under way counts as free when nobody holds it.
    const current = this.span(now.date, toTime(Math.floor(toMinutes(now.time) / slotMinutes) * slotMinutes), type?.durationMinutes ?? slotMinutes);
    const candidates = [current, ...(free ? [{ date: free.date, startTime: free.startTime, endTime: free.endTime }] : [])].filter(
      (slot) => !sessions.some((s) => s.startTime < slot.endTime && slot.startTime < s.endTime),
    );
    for (const slot of candidates) {
      try {
        const id = await transactionWithRetry(this.knex, async (trx) => {
          await lockDays(trx, [doctorDay(doctor.id, now.date), patientDay(req.patientId, now.date)]);
          const newId = await insertAppointment(trx, {
            patientId: req.patientId,
            doctorId: doctor.id,
            ...slot,
            reason: req.reason || null,
            bookedBy: user.id,
            overrideReason: null,
            isWalkIn: true,
            type,
            priority: req.priority ?? null,
          });
          const detail = { ...slot, doctorId: doctor.id, ...(type ? { appointmentTypeId: type.id, fee: type.fee } : {}), walkIn: true };
          await insertHistory(trx, [{ appointmentId: newId, kind: 'BOOKED', toStatus: 'SCHEDULED', detail, userId: user.id }]);
          await this.checkInWalkIn(trx, newId, await nextToken(trx, doctor.id, now.date), user, req.priority);
          for (const row of audits) await insertAudit(trx, { ...row, entityId: newId });
          return newId;
        });
        return this.get(id);
      } catch (err) {
        // A refusal the database names (the patient deleted meanwhile) is said as such; only a clash tries the next slot.
        const refusal = refusalFor(err);
        if (refusal) throw refusal;
        if (violatedConstraint(err, SqlState.EXCLUSION_VIOLATION) === undefined) throw err;
      }
    }
    throw new AppError('CONFLICT', say`${doctor.name} has no free time left today (or the patient is booked then); book another day`, 'doctorId');
  }

  /** A walk-in at a token doctor in session: the session's next token (see tokenAppointment), checked in in the same transaction. */
  private async walkInToken(req: WalkIn, sessionId: number, user: CurrentUser, audits: readonly AuditRecord[]): Promise<AppointmentDto> {
    const session = (await findSession(this.knex, sessionId))!;
    const id = await transactionWithRetry(this.knex, async (trx) => {
      const booked = await tokenAppointment(trx, session, req, user, { walkIn: true, audits, reserveField: 'priority' });
      await this.checkInWalkIn(trx, booked.id, booked.sessionToken!, user, req.priority);
      return booked.id;
    });
    return this.get(id);
  }

  /** A walk-in's check-in with its number, at once; a priority given at the desk goes on the trail as setPriority's does. */
  private async checkInWalkIn(trx: Knex, id: number, token: number, user: CurrentUser, priority?: { kind: Priority; reason: string }): Promise<void> {
    await updateAppointmentIf(trx, id, 'SCHEDULED', { checked_in_at: trx.fn.now(), token_no: token });
    await insertHistory(trx, [
      { appointmentId: id, kind: 'CHECKED_IN', detail: { tokenNo: token }, userId: user.id },
      ...(priority ? [{ appointmentId: id, kind: 'PRIORITY', detail: { priority: priority.kind }, reason: priority.reason, userId: user.id }] : []),
    ]);
  }

  /**
   * Reverts the user's own last change to this appointment, within ten minutes of making it.
   * An undo that puts the appointment back in the book (of a cancellation, a no-show, a
   * completion or a move) passes the booking's rules again: an active doctor, a time not yet
   * past, and the doctor's hours or an override by that doctor or an ADMIN.
   */
  async undo(req: Undo, user: CurrentUser, ctx: CallContext): Promise<AppointmentDto> {
    const { id } = req;
    const current = await this.get(id);
    const change = await lastUndoableChange(this.knex, id, user.id, UNDO_MINUTES);
    if (!change) throw new AppError('CONFLICT', say`Nothing of yours to undo on this appointment from the last ${UNDO_MINUTES} minutes`, 'id');
    const slot = { date: current.date, startTime: current.startTime, endTime: current.endTime };
    const from = (change.detail?.from ?? {}) as {
      doctorId: number;
      date: string;
      startTime: string;
      endTime: string;
      checkedInAt: string | null;
      tokenNo: number | null;
    };
    const target = change.kind === 'RESCHEDULED' ? { date: from.date, startTime: from.startTime, endTime: from.endTime } : slot;
    const who = { doctorId: change.kind === 'RESCHEDULED' ? from.doctorId : current.doctorId, patientId: current.patientId };
    const rebooks = change.kind === 'RESCHEDULED' || (change.kind === 'STATUS' && change.fromStatus === 'SCHEDULED');
    // An appointment keeps the override it was booked with for its own slot; a move back needs its own.
    const newOverride = rebooks
      ? await this.rebookingRules(
          who.doctorId,
          target,
          change.kind === 'STATUS' ? change.toStatus : null,
          req.override,
          change.kind === 'STATUS' ? current.overrideReason : null,
          user,
        )
      : null;
    await this.withConflictMessage(who, target, id, () =>
      this.inLockedDays(who, target, async (trx) => {
        let changes: Record<string, unknown>;
        let expected: string | null = current.status;
        if (change.kind === 'STATUS') {
          if (current.status !== change.toStatus) throw new AppError('CONFLICT', 'The appointment has changed since; nothing was undone', 'id');
          changes = { status: change.fromStatus, cancel_reason: null, completed_at: null, ...(newOverride ? { override_reason: newOverride } : {}) };
        } else if (change.kind === 'CHECKED_IN') {
          changes = { checked_in_at: null, token_no: null };
        } else {
          changes = {
            doctor_id: from.doctorId,
            appointment_date: from.date,
            start_time: from.startTime,
            end_time: from.endTime,
            checked_in_at: from.checkedInAt,
            token_no: from.tokenNo,
            override_reason: newOverride,
          };
          expected = 'SCHEDULED';
        }
        if (!(await updateAppointmentIf(trx, id, expected, changes)))
          throw new AppError('CONFLICT', 'The appointment has changed since; nothing was undone', 'id');
        await markUndone(trx, change.id);
        // "See again in…" was said of a visit that has not ended after all: its recall goes too.
        const recallsRemoved = change.kind === 'STATUS' && change.toStatus === 'COMPLETED' ? await deleteRecallsOfCompletion(trx, id, change.id) : [];
        await insertHistory(trx, [
          {
            appointmentId: id,
            kind: 'UNDONE',
            fromStatus: change.toStatus,
            toStatus: change.fromStatus,
            detail: { undid: change.id, kind: change.kind, ...(recallsRemoved.length ? { recallsRemoved } : {}) },
            userId: user.id,
          },
        ]);
        if (newOverride) await insertAudit(trx, { ...this.overrideAudit(user, ctx, newOverride), entityId: id });
        return id;
      }),
    );
    return this.get(id);
  }

  /**
   * The booking's rules for an undo that makes `slot` a live appointment again; the new override
   * reason it needs (null inside hours, or under the override the slot was booked with). A no-show
   * or a completion is only ever set once the time has come, so undoing one needs the day (not
   * the minute) still to be today.
   */
  private async rebookingRules(
    doctorId: number,
    slot: Slot,
    undoneStatus: string | null,
    override: { reason: string } | undefined,
    keptOverride: string | null,
    user: CurrentUser,
  ): Promise<string | null> {
    const { doctor, windows } = await this.activeDoctorOn(doctorId, slot.date);
    if (undoneStatus === 'NO_SHOW' || undoneStatus === 'COMPLETED') {
      if (slot.date < (await this.clinicNow()).date)
        throw new AppError('INVALID', say`That day has passed; an appointment of ${slot.date} cannot be reopened`, 'id');
    } else {
      await this.assertNotPast(slot);
    }
    if (!override && keptOverride) return null;
    return this.checkHours(doctor, slot, windows, override, user);
  }

  async history(id: number) {
    await this.get(id);
    return historyOf(this.knex, id);
  }

  /** `also`: more of the same step, in its transaction (a completion's recall). */
  private async transition(
    id: number,
    to: 'CANCELLED' | 'COMPLETED' | 'NO_SHOW',
    user: CurrentUser,
    changes: Record<string, unknown>,
    reason?: string,
    also?: (trx: Knex.Transaction) => Promise<void>,
  ) {
    await this.knex.transaction(async (trx) => {
      if (!(await updateAppointmentIf(trx, id, 'SCHEDULED', { status: to, ...changes }))) throw await this.transitionError(trx, id, this.describe(to));
      await insertHistory(trx, [{ appointmentId: id, kind: 'STATUS', fromStatus: 'SCHEDULED', toStatus: to, reason: reason ?? null, userId: user.id }]);
      if (to !== 'COMPLETED') await this.offerFreed(trx, [(await findAppointment(trx, id))!]);
      await also?.(trx);
    });
    return this.get(id);
  }

  /** Why a guarded update found the appointment in another state (read through the caller's transaction). */
  private async transitionError(db: Knex, id: number, verb: Sentence | string): Promise<AppError> {
    const now = await findAppointment(db, id);
    if (!now) return new AppError('NOT_FOUND', 'That appointment no longer exists', 'id');
    return new AppError('CONFLICT', say`This appointment is already ${this.describe(now.status)}, so it cannot be ${verb}`, 'id');
  }

  private describe(status: string): Sentence | string {
    return STATUS_WORDS[status] ?? status;
  }

  private async get(id: number): Promise<AppointmentDto> {
    const a = await findAppointment(this.knex, id);
    if (!a) throw new AppError('NOT_FOUND', 'No such appointment', 'id');
    return a;
  }

  async activeDoctor(id: number) {
    return this.assertActive(await findDoctor(this.knex, id));
  }

  /** The doctor, bookable, with their windows and OPD sessions on `date`; a clinic holiday is refused for every doctor. */
  private async activeDoctorOn(id: number, date: string) {
    const found = await findDoctorDay(this.knex, id, date);
    const doctor = this.assertActive(found?.doctor);
    // assertActive has refused a doctor not found.
    const { windows, holiday, sessions } = found!;
    assertNotHoliday(holiday);
    return { doctor, windows, sessions };
  }

  private assertActive(doctor: DoctorDto | undefined): DoctorDto {
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor', 'doctorId');
    if (!doctor.active) throw new AppError('INVALID', say`${doctor.name} is no longer taking appointments`, 'doctorId');
    return doctor;
  }

  /** A type as this doctor books it; refused when it is unknown, retired or not theirs to offer. */
  async typeFor(doctor: { id: number; name: string }, typeId: number): Promise<TypeForDoctor> {
    const type = await typeForDoctor(this.knex, typeId, doctor.id);
    if (!type) throw new AppError('NOT_FOUND', 'No such appointment type', 'appointmentTypeId');
    if (!type.active) throw new AppError('INVALID', say`${type.name} is no longer offered`, 'appointmentTypeId');
    if (!type.offered) throw new AppError('INVALID', say`${doctor.name} does not offer ${type.name}`, 'appointmentTypeId');
    return type;
  }

  /** The type asked for; without one (and without an explicit end time), the doctor's default type, if any. */
  async chosenType(doctor: { id: number; name: string }, typeId: number | undefined, explicitEnd: boolean): Promise<TypeForDoctor | null> {
    const id = typeId ?? (explicitEnd ? undefined : await defaultTypeOf(this.knex, doctor.id));
    return id ? this.typeFor(doctor, id) : null;
  }

  /** A type's booking horizon: no sooner than its notice, no further ahead than it may be booked. */
  private async checkHorizon(type: TypeForDoctor, slot: Slot): Promise<void> {
    const problem = horizonProblem(type, slot, await this.clinicNow());
    if (problem) throw new AppError('INVALID', problem.message, problem.field);
  }

  clinicNow() {
    return this.settings.get().then((s) => clinicNow(s.timeZone, this.now()));
  }

  /** The clinic's clock read through a transaction: the embedded database's one connection is the transaction's. */
  private async clinicNowIn(trx: Knex) {
    return clinicNow((await readSettings(trx)).timeZone, this.now());
  }

  private span(date: string, startTime: string, minutes: number): Slot {
    const end = toMinutes(startTime) + minutes;
    if (end > 24 * 60) throw new AppError('INVALID', 'The appointment would run past midnight', 'startTime');
    return { date, startTime, endTime: toTime(end) };
  }

  /** Without an end time, an appointment lasts the slot length of the doctor's window it starts in. */
  private async slotOf(windows: readonly AvailabilityWindow[], req: { date: string; startTime: string; endTime?: string }): Promise<Slot> {
    if (req.endTime) return { date: req.date, startTime: req.startTime, endTime: req.endTime };
    const start = toMinutes(req.startTime);
    const home = windows.find((w) => w.available && toMinutes(w.startTime) <= start && toMinutes(w.endTime) > start);
    return this.span(req.date, req.startTime, home?.slotMinutes ?? (await this.settings.get()).defaultSlotMinutes);
  }

  /** Slots stay off a token doctor's sessions (`sessions`, of the slot's day, as activeDoctorOn read them): that time is issued as tokens. */
  private assertNotInSession(doctor: { id: number; name: string }, slot: Slot, sessions: readonly { startTime: string; endTime: string }[]): void {
    const session = sessions.find((s) => s.startTime < slot.endTime && slot.startTime < s.endTime);
    if (session)
      throw new AppError(
        'CONFLICT',
        say`${hhmm(slot.startTime)}–${hhmm(slot.endTime)} on ${slot.date} is in ${doctor.name}'s OPD session (${hhmm(session.startTime)}–${hhmm(session.endTime)}): book a token in it instead`,
        'startTime',
      );
  }

  private async assertNotPast(slot: Slot): Promise<void> {
    const now = await this.clinicNow();
    if (slot.date < now.date || (slot.date === now.date && slot.startTime < now.time.slice(0, 5) + ':00')) {
      throw new AppError('INVALID', 'That time has already passed', 'startTime');
    }
  }

  /** Inside the doctor's hours, or an override with its reason by that doctor or an ADMIN. `day`: the doctor's windows on the slot's date. */
  private checkHours(
    doctor: { id: number; name: string },
    slot: Slot,
    day: readonly AvailabilityWindow[],
    override: { reason: string } | undefined,
    user: CurrentUser,
  ): string | null {
    const problem = hoursProblem(doctor.name, slot, day);
    if (!problem) return null;
    if (override) {
      if (!mayOverride(user, doctor.id))
        throw new AppError('FORBIDDEN', say`Only ${doctor.name} or an administrator may book outside ${doctor.name}'s hours`, 'override');
      return override.reason;
    }
    throw new AppError(
      'CONFLICT',
      problem.kind === 'OUTSIDE_HOURS' ? say`${problem.message} A doctor or administrator can book it with a reason.` : problem.message,
      'startTime',
    );
  }

  /** A transaction holding the doctor's and the patient's day locks for `slot`. */
  private inLockedDays<T>(who: Who, slot: Slot, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return transactionWithRetry(this.knex, async (trx) => {
      await lockDays(trx, [doctorDay(who.doctorId, slot.date), patientDay(who.patientId, slot.date)]);
      return work(trx);
    });
  }

  /** Runs a write; an overlap refused by the database becomes CONFLICT naming the appointment in the way. */
  private async withConflictMessage<T>(who: Who, slot: BufferedSlot, excludeId: number | null, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      const refusal = refusalFor(err);
      if (refusal) throw refusal;
      const overlap = violatedConstraint(err, SqlState.EXCLUSION_VIOLATION);
      if (overlap === undefined) throw err;
      const byPatient = overlap === 'excl_appointment_patient_overlap';
      const clash = await findClash(this.knex, byPatient ? { patientId: who.patientId } : { doctorId: who.doctorId }, slot, excludeId);
      throw new AppError(
        'CONFLICT',
        clash
          ? clashMessage(clash, slot, byPatient)
          : byPatient
            ? say`The patient already has an appointment then`
            : say`The doctor already has an appointment then`,
        'startTime',
      );
    }
  }

  private overrideAudit(user: CurrentUser, ctx: CallContext, reason: string): AuditRecord {
    return { userId: user.id, userEmail: user.email, workstation: ctx.workstation, action: 'appointments.override', entity: 'appointment', detail: { reason } };
  }
}
