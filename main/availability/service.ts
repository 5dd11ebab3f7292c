import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AvailabilityWindow, addExceptionSchema, cancelBookedSchema, saveTemplateSchema } from '../../preload/contract';
import { cancelAppointments, liveAppointmentsOfDoctors, type BookedSpan } from '../appointments/repo';
import { doctorExists } from '../doctors/repo';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import type { SettingsService } from '../settings/service';
import { deleteWindow, findWindow, insertLeave, insertWindows, readTemplate, replaceTemplate, windowsInRange } from './repo';
import { expandRules, isWithinAvailability, slotCount, type TemplateRule } from './slots';
import { daysBetween, toMinutes } from './wall-clock';
import { assertClinicOpen } from '../holidays/clinic-open';
import { holidaysBetween } from '../holidays/repo';

type AddException = z.output<typeof addExceptionSchema>;
type SaveTemplate = z.output<typeof saveTemplateSchema>;

const MAX_EXPAND_DAYS = 366;
const MAX_PREVIEW_DAYS = 92;
const MAX_RANGE_DAYS = 62;
const WHOLE_DAY = { startTime: '00:00:00', endTime: '24:00:00' };
/** By ISO weekday less one: Monday is 1. */
const WEEKDAYS: readonly Sentence[] = [say`Monday`, say`Tuesday`, say`Wednesday`, say`Thursday`, say`Friday`, say`Saturday`, say`Sunday`];

/** Told of working time a change opens (extra hours, leave taken back), inside that change's transaction: the waitlist is offered its free slots. */
type OnOpened = (trx: Knex, doctorId: number, date: string, span: { startTime: string; endTime: string }) => Promise<unknown>;

/** Told, inside a change's transaction, what the patients it cancelled are to be told: their cancellation messages carry it. */
export type TellCancelled = (trx: Knex, appointmentIds: readonly number[], reason: string, user: CurrentUser) => Promise<unknown>;

/**
 * Cancels the appointments a schedule change strands (leave, removed hours, a clinic holiday),
 * their messages telling the patients what the desk gave for them, in the change's transaction.
 */
export async function cancelStranded(
  trx: Knex,
  ids: readonly number[],
  cancelBooked: CancelBooked | undefined,
  user: CurrentUser,
  tellCancelled: TellCancelled,
): Promise<number> {
  const cancelled = await cancelAppointments(trx, ids, cancelBooked?.reason ?? '', user.id);
  if (cancelled > 0 && cancelBooked?.tellPatients) await tellCancelled(trx, ids, cancelBooked.tellPatients, user);
  return cancelled;
}

type CancelBooked = z.output<typeof cancelBookedSchema>;

type ChangeResult =
  | { status: 'saved'; window: AvailabilityWindow | null; cancelledAppointments: number }
  | { status: 'blocked'; appointments: { id: number; date: string; startTime: string; endTime: string; patientName: string }[] };

function assertRange(from: string, to: string, maxDays: number): void {
  if (daysBetween(from, to) + 1 > maxDays) throw new AppError('INVALID', say`Choose at most ${maxDays} days at a time`, 'to');
}

function assertNoOverlap(rules: readonly TemplateRule[]): void {
  const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || toMinutes(a.startTime) - toMinutes(b.startTime));
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1]!, sorted[i]!];
    if (prev.weekday === cur.weekday && toMinutes(cur.startTime) < toMinutes(prev.endTime)) {
      throw new AppError(
        'INVALID',
        say`${WEEKDAYS[cur.weekday - 1] ?? cur.weekday} ${prev.startTime.slice(0, 5)}–${prev.endTime.slice(0, 5)} overlaps ${cur.startTime.slice(0, 5)}–${cur.endTime.slice(0, 5)}`,
        'rules',
      );
    }
  }
}

const overlapping = (a: { startTime: string; endTime: string }, b: { startTime: string; endTime: string }) =>
  toMinutes(a.startTime) < toMinutes(b.endTime) && toMinutes(b.startTime) < toMinutes(a.endTime);

/** Booked patients a schedule change would strand, as the desk is shown them. */
export const affected = (list: readonly BookedSpan[]) =>
  list.map(({ id, date, startTime, endTime, patientName }) => ({ id, date, startTime, endTime, patientName }));

export class AvailabilityService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly onOpened: OnOpened = async () => undefined,
    private readonly tellCancelled: TellCancelled = async () => undefined,
  ) {}

  async getTemplate(doctorId: number) {
    return { doctorId, ...(await readTemplate(this.knex, doctorId)) };
  }

  async saveTemplate(req: SaveTemplate, user: CurrentUser) {
    await this.assertDoctor(req.doctorId);
    assertNoOverlap(req.rules);
    await this.knex.transaction((trx) => replaceTemplate(trx, req.doctorId, req.rules, { validFrom: req.validFrom, validTo: req.validTo ?? null }, user.id));
    return this.getTemplate(req.doctorId);
  }

  preview(rules: readonly TemplateRule[], from: string, to: string) {
    assertRange(from, to, MAX_PREVIEW_DAYS);
    assertNoOverlap(rules);
    const windows = expandRules(rules, from, to).map((w) => ({ ...w, slots: slotCount(w) }));
    return { windows, totalSlots: windows.reduce((n, w) => n + w.slots, 0) };
  }

  /**
   * Writes the pattern's windows for the range; days already expanded are left as they are. The
   * new working time is offered to the waitlist like any other, in the same transaction.
   */
  async expand(doctorId: number, from: string, to: string, user: CurrentUser) {
    assertRange(from, to, MAX_EXPAND_DAYS);
    await this.assertDoctor(doctorId);
    const template = await readTemplate(this.knex, doctorId);
    if (template.rules.length === 0 || !template.validFrom) {
      throw new AppError('INVALID', 'This doctor has no weekly pattern yet; save one first', 'doctorId');
    }
    const start = from > template.validFrom ? from : template.validFrom;
    const end = template.validTo && template.validTo < to ? template.validTo : to;
    // The clinic is closed on its holidays: no doctor works them, whatever their pattern says.
    const closed = new Set(start <= end ? (await holidaysBetween(this.knex, start, end)).map((h) => h.date) : []);
    const windows = start <= end ? expandRules(template.rules, start, end).filter((w) => !closed.has(w.date)) : [];
    const created = await this.knex.transaction(async (trx) => {
      const made = await insertWindows(trx, doctorId, windows, 'TEMPLATE', user.id);
      for (const w of made) await this.onOpened(trx, doctorId, w.date, w);
      return made;
    });
    return { created: created.length, alreadyThere: windows.length - created.length };
  }

  async addException(req: AddException, user: CurrentUser): Promise<ChangeResult> {
    this.assertMayEdit(req.doctorId, user);
    await this.assertDoctor(req.doctorId);
    const span = req.startTime && req.endTime ? { startTime: req.startTime, endTime: req.endTime } : WHOLE_DAY;
    if (req.kind === 'EXTRA') {
      await assertClinicOpen(this.knex, req.date);
      const slotMinutes = req.slotMinutes ?? (await this.settings.get()).defaultSlotMinutes;
      return this.knex.transaction(async (trx) => {
        const [window] = await insertWindows(trx, req.doctorId, [{ date: req.date, ...span, slotMinutes }], 'EXTRA', user.id, req.note ?? null);
        if (!window) throw new AppError('CONFLICT', 'These extra hours are already in the schedule', 'startTime');
        await this.onOpened(trx, req.doctorId, req.date, span);
        return { status: 'saved' as const, window, cancelledAppointments: 0 };
      });
    }
    return this.knex.transaction(async (trx) => {
      const clashing = (await liveAppointmentsOfDoctors(trx, [req.doctorId], req.date, req.date)).filter(
        (a) => a.status === 'SCHEDULED' && overlapping(a, span),
      );
      if (clashing.length > 0 && !req.cancelBooked) return { status: 'blocked' as const, appointments: affected(clashing) };
      const window = await insertLeave(trx, { doctorId: req.doctorId, date: req.date, ...span, note: req.note ?? null }, user.id);
      const cancelled = await this.cancel(trx, clashing, req.cancelBooked, user);
      return { status: 'saved' as const, window, cancelledAppointments: cancelled };
    });
  }

  /**
   * Takes a window out of the schedule. Removing leave gives the time back; removing working
   * time that patients are booked into is refused with their list, unless they are cancelled.
   */
  async removeWindow(id: number, cancelBooked: CancelBooked | undefined, user: CurrentUser): Promise<ChangeResult> {
    const window = await findWindow(this.knex, id);
    if (!window) throw new AppError('NOT_FOUND', 'That part of the schedule no longer exists', 'id');
    this.assertMayEdit(window.doctorId, user);
    return this.knex.transaction(async (trx) => {
      let stranded: BookedSpan[] = [];
      if (window.available) {
        const day = await windowsInRange(trx, [window.doctorId], window.date, window.date);
        const remaining = day.filter((w) => w.available && w.id !== id);
        const leave = day.filter((w) => !w.available);
        stranded = (await liveAppointmentsOfDoctors(trx, [window.doctorId], window.date, window.date)).filter(
          (a) => a.status === 'SCHEDULED' && overlapping(a, window) && !isWithinAvailability(a, remaining, leave),
        );
      }
      if (stranded.length > 0 && !cancelBooked) return { status: 'blocked' as const, appointments: affected(stranded) };
      await deleteWindow(trx, id);
      if (!window.available) await this.onOpened(trx, window.doctorId, window.date, window);
      const cancelled = await this.cancel(trx, stranded, cancelBooked, user);
      return { status: 'saved' as const, window: null, cancelledAppointments: cancelled };
    });
  }

  range(doctorIds: readonly number[], from: string, to: string): Promise<AvailabilityWindow[]> {
    assertRange(from, to, MAX_RANGE_DAYS);
    return windowsInRange(this.knex, doctorIds, from, to);
  }

  private cancel(trx: Knex, stranded: readonly BookedSpan[], cancelBooked: CancelBooked | undefined, user: CurrentUser): Promise<number> {
    return cancelStranded(
      trx,
      stranded.map((a) => a.id),
      cancelBooked,
      user,
      this.tellCancelled,
    );
  }

  /** A doctor manages their own leave and extra hours; an ADMIN anyone's. */
  private assertMayEdit(doctorId: number, user: CurrentUser): void {
    if (user.role === 'DOCTOR' && user.doctorId !== doctorId) {
      throw new AppError('FORBIDDEN', 'You can change only your own schedule', 'doctorId');
    }
  }

  private async assertDoctor(doctorId: number): Promise<void> {
    if (!(await doctorExists(this.knex, doctorId))) throw new AppError('NOT_FOUND', 'No such doctor', 'doctorId');
  }
}
