import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AppointmentDto, bookSeriesSchema, moveSeriesSchema, previewSeriesSchema } from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import { horizonProblem } from '../appointment-types/horizon';
import { typeForDoctor } from '../appointment-types/repo';
import {
  appointmentsOfSeries,
  busyTimesOfDoctors,
  busyTimesOfPatient,
  cancelAppointments,
  doctorDay,
  findAppointment,
  findClash,
  insertAppointment,
  insertHistory,
  lockDays,
  patientDay,
  updateAppointmentIf,
} from '../appointments/repo';
import { buffersOf, type AppointmentsService } from '../appointments/service';
import { hoursProblem } from '../availability/hours';
import { windowsInRange } from '../availability/repo';
import { closedMessage } from '../holidays/clinic-open';
import { holidaysBetween } from '../holidays/repo';
import { shiftDate, toMinutes } from '../availability/wall-clock';
import { transactionWithRetry } from '../db/retry';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import { findPatient } from '../patients/repo';
import type { SettingsService } from '../settings/service';
import { SUGGESTION_DAYS, SeriesPlanner, endOf, type Problem, type Slot } from './planner';
import { expandRecurrence } from './recurrence';
import { insertSeries } from './repo';

type Preview = z.output<typeof previewSeriesSchema>;
type BookSeries = z.output<typeof bookSeriesSchema>;
type MoveSeries = z.output<typeof moveSeriesSchema>;
type Scope = MoveSeries['scope'];

const hhmm = (t: string) => t.slice(0, 5);
const lengthOf = (s: Slot) => toMinutes(s.endTime) - toMinutes(s.startTime);
/** A problem of the doctor's hours or leave is said as a whole sentence, with its own full stop. */
const fullStopped = (problem: Pick<Problem, 'kind'>) => problem.kind === 'LEAVE' || problem.kind === 'OUTSIDE_HOURS';
const nothingLeft = {
  cancel: { this: say`Nothing scheduled is left to cancel in this appointment`, series: say`Nothing scheduled is left to cancel in this series` },
  move: { this: say`Nothing scheduled is left to move in this appointment`, series: say`Nothing scheduled is left to move in this series` },
};
const isClash = (err: unknown) => (err as { code?: string } | null)?.code === '23P01';

/**
 * Recurring series: every occurrence is checked against the booking's rules before anything is
 * written; the desk sees those that cannot be booked, with the next free time for each, and
 * chooses to skip them or book them at another time; the series is then one transaction, all
 * or nothing. Changes apply to this appointment, this and the following ones, or all.
 */
export class SeriesService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly appointments: AppointmentsService,
  ) {}

  async preview(req: Preview) {
    const { planned, planner } = await this.plan(req);
    const checked = planned.map((slot) => {
      const problem = planner.problemOf(slot);
      if (!problem) planner.claim(slot);
      return { ...slot, problem: problem && { kind: problem.kind, message: String(problem.message), phrase: problem.message.phrase } };
    });
    return {
      occurrences: checked.map((o) => {
        if (!o.problem) return { ...o, suggestion: null };
        const suggestion = planner.suggest(o);
        if (suggestion) planner.claim(suggestion);
        return { ...o, suggestion };
      }),
    };
  }

  async book(req: BookSeries, user: CurrentUser): Promise<{ seriesId: number; appointments: AppointmentDto[]; skipped: string[] }> {
    const { doctor, type, rule, planned, planner } = await this.plan(req);
    const choices = new Map(req.choices.map((c) => [c.date, c]));
    const stray = req.choices.find((c) => !planned.some((p) => p.date === c.date));
    if (stray) throw new AppError('INVALID', say`${stray.date} is not a date of this series`, 'choices');
    // The occurrences kept as planned first, so an alternative time cannot take one of theirs.
    const problems = planned.map((slot) => {
      if (choices.has(slot.date)) return null;
      const problem = planner.problemOf(slot);
      if (!problem) planner.claim(slot);
      return problem;
    });
    const final: Slot[] = [];
    const skipped: string[] = [];
    planned.forEach((slot, i) => {
      const choice = choices.get(slot.date);
      if (choice?.action === 'skip') return void skipped.push(slot.date);
      if (choice?.action === 'alternative') {
        const endTime = endOf(choice.toStartTime, lengthOf(slot));
        if (!endTime) throw new AppError('INVALID', say`The other time for ${slot.date} would run past midnight`, 'choices');
        const other = { date: choice.toDate, startTime: choice.toStartTime, endTime };
        const problem = planner.problemOf(other);
        if (problem) throw new AppError(problem.kind === 'CLASH' ? 'CONFLICT' : 'INVALID', say`The other time for ${slot.date}: ${problem.message}`, 'choices');
        planner.claim(other);
        return void final.push(other);
      }
      const problem = problems[i];
      if (problem)
        throw new AppError(
          problem.kind === 'CLASH' ? 'CONFLICT' : 'INVALID',
          fullStopped(problem)
            ? say`${slot.date}: ${problem.message} Choose another time for it, or skip it.`
            : say`${slot.date}: ${problem.message}. Choose another time for it, or skip it.`,
          'choices',
        );
      final.push(slot);
    });
    if (final.length === 0) throw new AppError('INVALID', 'Every appointment of this series was skipped; there is nothing to book', 'choices');

    const who = { doctorId: doctor.id, patientId: req.patientId };
    let seriesId: number;
    try {
      seriesId = await transactionWithRetry(this.knex, async (trx) => {
        await lockDays(
          trx,
          final.flatMap((s) => [doctorDay(who.doctorId, s.date), patientDay(who.patientId, s.date)]),
        );
        const id = await insertSeries(trx, { ...who, appointmentTypeId: type?.id ?? null, rule, createdBy: user.id });
        const ids: number[] = [];
        for (const slot of final) {
          ids.push(await insertAppointment(trx, { ...who, ...slot, reason: req.reason || null, bookedBy: user.id, overrideReason: null, type, seriesId: id }));
        }
        const typed = type ? { appointmentTypeId: type.id, fee: type.fee } : {};
        await insertHistory(
          trx,
          ids.map((appointmentId, i) => ({
            appointmentId,
            kind: 'BOOKED',
            toStatus: 'SCHEDULED',
            detail: { ...final[i], doctorId: who.doctorId, seriesId: id, ...typed },
            userId: user.id,
          })),
        );
        return id;
      });
    } catch (err) {
      if (!isClash(err)) throw err;
      throw await this.clashError(
        final.map((slot) => ({ slot, who, buffers: buffersOf(type), excludeId: null })),
        say`nothing was booked`,
      );
    }
    return { seriesId, appointments: await appointmentsOfSeries(this.knex, seriesId), skipped };
  }

  async cancel(id: number, scope: Scope, reason: string, user: CurrentUser) {
    const { seriesId, chosen } = await this.inScope(id, scope, 'cancel');
    await this.knex.transaction(async (trx) => {
      await cancelAppointments(
        trx,
        chosen.map((a) => a.id),
        reason,
        user.id,
      );
      await this.appointments.offerFreed(trx, chosen);
    });
    return { seriesId, appointments: await appointmentsOfSeries(this.knex, seriesId) };
  }

  /** Moves the chosen appointments to another time of day (and by some days), keeping their lengths; all or none. */
  async move(req: MoveSeries, user: CurrentUser) {
    const { seriesId, chosen } = await this.inScope(req.id, req.scope, 'move');
    const doctorId = chosen[0]!.doctorId;
    const doctor = await this.appointments.activeDoctor(doctorId);
    const now = await this.appointments.clinicNow();
    const moves = chosen.map((a) => {
      const endTime = endOf(req.startTime, lengthOf(a));
      if (!endTime || a.doctorId !== doctorId)
        throw new AppError('INVALID', say`The appointment of ${a.date} cannot be moved with the others; move it on its own`, 'startTime');
      return { from: a, to: { date: shiftDate(a.date, req.shiftDays), startTime: req.startTime, endTime } };
    });
    const dates = moves.map((m) => m.to.date).sort();
    const twice = dates.find((d, i) => d === dates[i - 1]);
    if (twice)
      throw new AppError('INVALID', say`Two of these appointments are on ${twice} and cannot both be at ${hhmm(req.startTime)}; move one on its own`, 'scope');
    const windows = groupBy(await windowsInRange(this.knex, [doctorId], dates[0]!, dates.at(-1)!), (w) => w.date);
    const holidays = new Map((await holidaysBetween(this.knex, dates[0]!, dates.at(-1)!)).map((h) => [h.date, h]));
    for (const { from, to } of moves) {
      if (to.date < now.date || (to.date === now.date && to.startTime < `${hhmm(now.time)}:00`))
        throw new AppError('INVALID', say`${to.date} ${hhmm(to.startTime)} has already passed`, 'startTime');
      const type = from.appointmentTypeId ? await typeForDoctor(this.knex, from.appointmentTypeId, doctorId) : undefined;
      const holiday = holidays.get(to.date);
      const problem =
        (type && horizonProblem(type, to, now)) ||
        (holiday && { kind: 'CLOSED' as const, message: closedMessage(holiday) }) ||
        hoursProblem(doctor.name, to, windows.get(to.date) ?? []);
      if (problem)
        throw new AppError(
          'CONFLICT',
          fullStopped(problem)
            ? say`The appointment of ${from.date}: ${problem.message} Nothing was moved.`
            : say`The appointment of ${from.date}: ${problem.message}. Nothing was moved.`,
          'startTime',
        );
    }
    try {
      await transactionWithRetry(this.knex, async (trx) => {
        await lockDays(
          trx,
          moves.flatMap(({ from, to }) => [
            doctorDay(doctorId, from.date),
            doctorDay(doctorId, to.date),
            patientDay(from.patientId, from.date),
            patientDay(from.patientId, to.date),
          ]),
        );
        for (const { from, to } of moves) {
          const changes: Record<string, unknown> = { appointment_date: to.date, start_time: to.startTime, end_time: to.endTime };
          if (to.date !== from.date) Object.assign(changes, { checked_in_at: null, token_no: null });
          if (!(await updateAppointmentIf(trx, from.id, 'SCHEDULED', changes)))
            throw new AppError('CONFLICT', say`The appointment of ${from.date} has changed meanwhile; nothing was moved`, 'id');
          const before = { doctorId, date: from.date, startTime: from.startTime, endTime: from.endTime, checkedInAt: from.checkedInAt, tokenNo: from.tokenNo };
          await insertHistory(trx, [
            { appointmentId: from.id, kind: 'RESCHEDULED', detail: { from: before, to: { doctorId, ...to }, seriesId, scope: req.scope }, userId: user.id },
          ]);
        }
      });
    } catch (err) {
      if (!isClash(err)) throw err;
      throw await this.clashError(
        moves.map(({ from, to }) => ({ slot: to, who: { doctorId, patientId: from.patientId }, buffers: buffersOf(from), excludeId: from.id })),
        say`nothing was moved`,
      );
    }
    return { seriesId, appointments: await appointmentsOfSeries(this.knex, seriesId) };
  }

  /** The series' dates with the planned times, the rules' data loaded once, and a planner over them. */
  private async plan(req: Preview) {
    const doctor = await this.appointments.activeDoctor(req.doctorId);
    if (!(await findPatient(this.knex, req.patientId))) throw new AppError('NOT_FOUND', 'No patient has this number', 'patientId');
    const type = await this.appointments.chosenType(doctor, req.appointmentTypeId, Boolean(req.endTime));
    const { rule, dates } = expandRecurrence(req.startDate, req.recurrence);
    const from = dates[0]!;
    const to = shiftDate(dates.at(-1)!, SUGGESTION_DAYS);
    const [holidays, windows, doctorBusy, patientBusy, settings, now] = await Promise.all([
      holidaysBetween(this.knex, from, to),
      windowsInRange(this.knex, [doctor.id], from, to),
      busyTimesOfDoctors(this.knex, [doctor.id], from, to),
      busyTimesOfPatient(this.knex, req.patientId, from, to),
      this.settings.get(),
      this.appointments.clinicNow(),
    ]);
    const windowsBy = groupBy(windows, (w) => w.date);
    const start = toMinutes(req.startTime);
    // As a single booking: the type's length, the end time given, or the slot of the window it starts in.
    const minutesOn = (date: string) =>
      type?.durationMinutes ??
      (req.endTime ? toMinutes(req.endTime) - start : undefined) ??
      windowsBy.get(date)?.find((w) => w.available && toMinutes(w.startTime) <= start && toMinutes(w.endTime) > start)?.slotMinutes ??
      settings.defaultSlotMinutes;
    const planned = dates.map((date) => {
      const endTime = endOf(req.startTime, minutesOn(date));
      if (!endTime) throw new AppError('INVALID', 'The appointment would run past midnight', 'startTime');
      return { date, startTime: req.startTime, endTime };
    });
    const planner = new SeriesPlanner({
      doctorName: doctor.name,
      now,
      type,
      holidays: new Map(holidays.map((h) => [h.date, h])),
      windows: windowsBy,
      doctorBusy: groupBy(doctorBusy, (b) => b.date),
      patientBusy: groupBy(patientBusy, (b) => b.date),
    });
    return { doctor, type, rule, planned, planner };
  }

  /** The scheduled appointments a change of `scope` from appointment `id` applies to (none already begun, but `this`). */
  private async inScope(id: number, scope: Scope, verb: 'cancel' | 'move'): Promise<{ seriesId: number; chosen: AppointmentDto[] }> {
    const current = await findAppointment(this.knex, id);
    if (!current) throw new AppError('NOT_FOUND', 'No such appointment', 'id');
    if (!current.seriesId) throw new AppError('INVALID', 'This appointment is not part of a series', 'id');
    const now = await this.appointments.clinicNow();
    const at = (a: { date: string; startTime: string }) => `${a.date} ${a.startTime}`;
    const from = scope === 'all' ? `${now.date} ${hhmm(now.time)}:00` : at(current);
    const chosen = (await appointmentsOfSeries(this.knex, current.seriesId)).filter(
      (a) => a.status === 'SCHEDULED' && (scope === 'this' ? a.id === current.id : at(a) >= from),
    );
    if (chosen.length === 0) throw new AppError('CONFLICT', nothingLeft[verb][scope === 'this' ? 'this' : 'series'], 'id');
    return { seriesId: current.seriesId, chosen };
  }

  /** The first appointment in the way of a refused write, named for the desk. */
  private async clashError(
    attempts: { slot: Slot; who: { doctorId: number; patientId: number }; buffers: ReturnType<typeof buffersOf>; excludeId: number | null }[],
    outcome: Sentence,
  ): Promise<AppError> {
    for (const { slot, who, buffers, excludeId } of attempts) {
      const clash =
        (await findClash(this.knex, { doctorId: who.doctorId }, { ...slot, ...buffers }, excludeId)) ??
        (await findClash(this.knex, { patientId: who.patientId }, slot, excludeId));
      if (clash && clash.id !== excludeId) {
        return new AppError(
          'CONFLICT',
          say`${slot.date}: ${clash.doctorName} already has an appointment ${hhmm(clash.startTime)}–${hhmm(clash.endTime)} (${clash.patientName}); ${outcome}`,
          'startTime',
        );
      }
    }
    return new AppError('CONFLICT', say`Another booking took one of these times meanwhile; ${outcome}`, 'startTime');
  }
}
