import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AppointmentDto, prioritySchema } from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { shiftDate } from '../availability/wall-clock';
import { transactionWithRetry } from '../db/retry';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import { calledOf, callNextToken, moveStage, paceOfDoctors, setPriorityIf, type StageAction } from './queue-repo';
import { doctorDay, findAppointment, insertHistory, lockDays, queueDay, type QueueRow } from './repo';
import { refusalFor } from '../db/pg-errors';
import { listSessions } from '../opd/repo';
import type { OpdSessionDto } from '../../preload/contract';

type SetPriority = z.output<typeof prioritySchema>;

/** Days of stamps the estimates look back over, and the fewest visits they trust. */
const PACE_DAYS = 14;
const PACE_MIN_SAMPLES = 5;

/** Why a token cannot take the step now (`token`: its number, or — without one). */
const STAGE_REFUSALS: Record<StageAction, (token: number | string) => Sentence> = {
  start: (token) => say`Token ${token} cannot be marked as with the doctor now: it is not the called token`,
  skip: (token) => say`Token ${token} cannot be skipped now: it is not the called token`,
  sendBack: (token) => say`Token ${token} cannot be sent back to waiting now: it has not been called`,
};

function stageOf(r: QueueRow): 'ARRIVED' | 'CALLED' | 'WITH_DOCTOR' {
  if (r.consultStartedAt) return 'WITH_DOCTOR';
  return r.calledAt ? 'CALLED' : 'ARRIVED';
}

/**
 * The waiting room: checked-in patients move arrived → called → with the doctor → done.
 * "Call next" serialises on the doctor's day lock (the one check-in takes) and stamps in one
 * statement; the database allows one "called" patient per doctor's day, so a double click or
 * two desks at once call one patient, never two.
 */
export class WaitingRoomService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly now: () => number = Date.now,
  ) {}

  async callNext(doctorId: number, user: CurrentUser): Promise<AppointmentDto> {
    this.assertOwn(user, doctorId);
    const { date, time } = await this.clinicNow();
    const id = await this.callConflicts(() =>
      transactionWithRetry(this.knex, async (trx) => {
        await lockDays(trx, [doctorDay(doctorId, date)]);
        const waiting = await calledOf(trx, doctorId, date);
        if (waiting) throw this.alreadyCalled(waiting.tokenNo);
        const called = await callNextToken(trx, doctorId, date, time);
        if (!called) throw new AppError('CONFLICT', 'Nobody is waiting for this doctor', 'doctorId');
        await insertHistory(trx, [{ appointmentId: called, kind: 'STAGE', detail: { stage: 'CALLED' }, userId: user.id }]);
        return called;
      }),
    );
    return this.get(id);
  }

  async stage(id: number, action: StageAction, user: CurrentUser): Promise<AppointmentDto> {
    const current = await this.get(id);
    this.assertOwn(user, current.doctorId);
    await transactionWithRetry(this.knex, async (trx) => {
      if (!(await moveStage(trx, id, action))) {
        throw new AppError('CONFLICT', STAGE_REFUSALS[action](current.tokenNo ?? '—'), 'id');
      }
      await insertHistory(trx, [{ appointmentId: id, kind: 'STAGE', detail: { action }, userId: user.id }]);
    });
    return this.get(id);
  }

  /** `audit` is the router's row for this call, written with the change and the reason. */
  async setPriority(req: SetPriority, user: CurrentUser, audit: AuditRecord): Promise<AppointmentDto> {
    const current = await this.get(req.id);
    this.assertOwn(user, current.doctorId);
    await transactionWithRetry(this.knex, async (trx) => {
      if (!(await setPriorityIf(trx, req.id, req.priority, req.priority ? req.reason : null))) {
        throw new AppError('CONFLICT', 'Only a checked-in patient not yet with the doctor can be given (or lose) priority', 'id');
      }
      await insertHistory(trx, [{ appointmentId: req.id, kind: 'PRIORITY', detail: { priority: req.priority }, reason: req.reason, userId: user.id }]);
      await insertAudit(trx, { ...audit, entityId: req.id, detail: { priority: req.priority, reason: req.reason } });
    });
    return this.get(req.id);
  }

  /** Today's queue per doctor: who is called or in, who waits in call order, and roughly how long. */
  async queue(doctorId?: number) {
    const now = await this.clinicNow();
    const nowMs = this.now();
    const defaultMinutes = (await this.settings.get()).defaultSlotMinutes;
    const rows = await queueDay(this.knex, now.date, now.time, doctorId);
    const byDoctor = [...groupBy(rows, (r) => r.doctorId).values()];
    const paces = await paceOfDoctors(
      this.knex,
      byDoctor.map((l) => l[0]!.doctorId),
      shiftDate(now.date, -(PACE_DAYS - 1)),
      now.date,
      PACE_MIN_SAMPLES,
    );
    const sessions = await listSessions(this.knex, { from: now.date, to: now.date, ...(doctorId ? { doctorId } : {}) });
    return byDoctor.map((list) => {
      const pace = paces.find((p) => p.doctorId === list[0]!.doctorId);
      const consultMinutes = tokenPaceMinutes(list, sessions) ?? pace?.consultMinutes ?? medianConsultMinutes(list) ?? defaultMinutes;
      const live = list.filter((a) => a.status === 'SCHEDULED');
      // Somebody called or in with the doctor is ahead of everyone still waiting.
      const ahead = live.some((a) => a.calledAt) ? 1 : 0;
      let position = ahead;
      return {
        doctorId: list[0]!.doctorId,
        doctorName: list[0]!.doctorName,
        consultMinutes,
        typicalWaitMinutes: pace?.waitMinutes ?? null,
        waiting: live.map((row) => {
          const { calledAt, consultStartedAt: _c, skippedAt, priority, priorityReason, ...appointment } = row;
          const stage = stageOf(row);
          return {
            appointment,
            stage,
            priority,
            priorityReason,
            skipped: skippedAt !== null,
            calledAt,
            waitingMinutes: Math.max(0, Math.floor((nowMs - Date.parse(appointment.checkedInAt!)) / 60_000)),
            estimatedWaitMinutes: stage === 'ARRIVED' ? position++ * consultMinutes : 0,
          };
        }),
      };
    });
  }

  /** A doctor calls and moves their own patients; the desk and an administrator anybody's. */
  private assertOwn(user: CurrentUser, doctorId: number): void {
    if (user.role === 'DOCTOR' && user.doctorId !== doctorId) throw new AppError('FORBIDDEN', 'A doctor can call and move only their own patients', 'doctorId');
  }

  private alreadyCalled(tokenNo: number): AppError {
    return new AppError(
      'CONFLICT',
      say`Token ${tokenNo} has been called and is not with the doctor yet: mark them in, skip them or send them back first`,
      'doctorId',
    );
  }

  /** The partial unique index is the last word when two calls meet: its refusal is the same CONFLICT. */
  private async callConflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw refusalFor(err) ?? err;
    }
  }

  private async get(id: number): Promise<AppointmentDto> {
    const a = await findAppointment(this.knex, id);
    if (!a) throw new AppError('NOT_FOUND', 'No such appointment', 'id');
    return a;
  }

  private clinicNow() {
    return this.settings.get().then((s) => clinicNow(s.timeZone, this.now()));
  }
}

/** Visits of a session seen through before its own pace replaces the planned one. */
const SESSION_PACE_MIN_SAMPLES = 3;

/**
 * A token doctor's minutes per token for the waiting list: of the session the next waiting token
 * belongs to, its planned pace (length over capacity) until a few of its tokens are done, then its
 * actual pace (from the first one in to the last one out, over the number done: the gaps between
 * patients count, as they do for the people waiting). Undefined for a slot doctor's list.
 */
export function tokenPaceMinutes(
  list: readonly Pick<QueueRow, 'sessionId' | 'status' | 'calledAt' | 'consultStartedAt' | 'completedAt'>[],
  sessions: readonly Pick<OpdSessionDto, 'id' | 'paceMinutes'>[],
): number | undefined {
  const next = list.find((r) => r.status === 'SCHEDULED' && !r.calledAt && r.sessionId !== null) ?? list.find((r) => r.sessionId !== null);
  const session = next && sessions.find((s) => s.id === next.sessionId);
  if (!session) return undefined;
  const done = list.filter((r) => r.sessionId === session.id && r.status === 'COMPLETED' && r.consultStartedAt && r.completedAt);
  if (done.length < SESSION_PACE_MIN_SAMPLES) return Math.round(session.paceMinutes);
  const first = Math.min(...done.map((r) => Date.parse(r.consultStartedAt!)));
  const last = Math.max(...done.map((r) => Date.parse(r.completedAt!)));
  return Math.max(1, Math.round((last - first) / 60_000 / done.length));
}

/**
 * How long the doctor spends per patient today, before there are stage stamps enough: from the
 * later of check-in and the previous patient's end to this one's completion; the median is
 * robust to a long case or a lunch gap.
 */
export function medianConsultMinutes(list: readonly Pick<AppointmentDto, 'status' | 'checkedInAt' | 'completedAt'>[]): number | undefined {
  const done = list
    .filter((a) => a.status === 'COMPLETED' && a.completedAt && a.checkedInAt)
    .sort((a, b) => Date.parse(a.completedAt!) - Date.parse(b.completedAt!));
  const lengths: number[] = [];
  let previousEnd = 0;
  for (const a of done) {
    const start = Math.max(Date.parse(a.checkedInAt!), previousEnd);
    const end = Date.parse(a.completedAt!);
    if (end > start) lengths.push((end - start) / 60_000);
    previousEnd = end;
  }
  if (lengths.length === 0) return undefined;
  lengths.sort((a, b) => a - b);
  const mid = Math.floor(lengths.length / 2);
  return Math.round(lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2);
}
