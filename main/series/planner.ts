import type { AvailabilityWindow, OCCURRENCE_PROBLEMS } from '../../preload/contract';
import { horizonProblem, type Horizon } from '../appointment-types/horizon';
import { hoursProblem } from '../availability/hours';
import { closedMessage } from '../holidays/clinic-open';
import { say, type Sentence } from '../shared/say';
import { freeSlotsOfDay, type BufferedTime } from '../availability/slots';
import { eachDate, shiftDate, toMinutes, toTime } from '../availability/wall-clock';

export type Slot = { date: string; startTime: string; endTime: string };
export type Problem = { kind: (typeof OCCURRENCE_PROBLEMS)[number]; message: Sentence };

export interface PlanContext {
  doctorName: string;
  now: { date: string; time: string };
  /** The series' type: its buffers, notice and horizon; null for an untyped series. */
  type: (Horizon & { bufferBeforeMinutes: number; bufferAfterMinutes: number }) | null;
  /** The clinic's holidays over the same days, by date. */
  holidays: ReadonlyMap<string, { date: string; name: string }>;
  /** The doctor's windows and leave, by date, over the series and the days suggestions may use. */
  windows: ReadonlyMap<string, readonly AvailabilityWindow[]>;
  /** The doctor's bookings with their buffers, and the patient's, by date. */
  doctorBusy: ReadonlyMap<string, readonly BufferedTime[]>;
  patientBusy: ReadonlyMap<string, readonly BufferedTime[]>;
}

/** How many days after an occurrence a suggestion may be. */
export const SUGGESTION_DAYS = 14;

const hhmm = (t: string) => t.slice(0, 5);
const span = (b: BufferedTime, buffered: boolean) => ({
  start: toMinutes(b.startTime) - (buffered ? (b.bufferBeforeMinutes ?? 0) : 0),
  end: toMinutes(b.endTime) + (buffered ? (b.bufferAfterMinutes ?? 0) : 0),
});
const meet = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Checks a series' occurrences against the booking's rules — the past, the type's notice and
 * horizon, the clinic's holidays, the doctor's hours and leave, the doctor's and the patient's other bookings — and
 * finds the next free time for one that cannot be booked. Each occurrence it accepts (claims)
 * counts as booked for those after it, so a plan never clashes with itself. Pure: the caller
 * loads the days once; the database's constraints remain the guarantee when the plan is written.
 */
export class SeriesPlanner {
  private readonly doctorBusy = new Map<string, BufferedTime[]>();
  private readonly patientBusy = new Map<string, BufferedTime[]>();

  constructor(private readonly ctx: PlanContext) {
    for (const [date, list] of ctx.doctorBusy) this.doctorBusy.set(date, [...list]);
    for (const [date, list] of ctx.patientBusy) this.patientBusy.set(date, [...list]);
  }

  problemOf(slot: Slot): Problem | null {
    const { now, type, doctorName } = this.ctx;
    if (slot.date < now.date || (slot.date === now.date && slot.startTime < `${hhmm(now.time)}:00`))
      return { kind: 'PAST', message: say`That time has already passed` };
    const horizon = type && horizonProblem(type, slot, now);
    if (horizon) return { kind: horizon.kind, message: horizon.message };
    const holiday = this.ctx.holidays.get(slot.date);
    if (holiday) return { kind: 'CLOSED', message: closedMessage(holiday) };
    const hours = hoursProblem(doctorName, slot, this.ctx.windows.get(slot.date) ?? []);
    if (hours) return hours;
    const mine = span({ ...slot, ...this.buffers() }, true);
    const doctorClash = (this.doctorBusy.get(slot.date) ?? []).find((b) => meet(mine, span(b, true)));
    if (doctorClash)
      return {
        kind: 'CLASH',
        message: say`${doctorName} already has an appointment ${hhmm(doctorClash.startTime)}–${hhmm(doctorClash.endTime)} on ${slot.date}`,
      };
    const patientClash = (this.patientBusy.get(slot.date) ?? []).find((b) => meet(span(slot, false), span(b, false)));
    if (patientClash)
      return {
        kind: 'CLASH',
        message: say`The patient already has an appointment ${hhmm(patientClash.startTime)}–${hhmm(patientClash.endTime)} on ${slot.date}`,
      };
    return null;
  }

  /** Counts `slot` as booked for every later check. */
  claim(slot: Slot): void {
    const add = (map: Map<string, BufferedTime[]>, b: BufferedTime) => map.set(slot.date, [...(map.get(slot.date) ?? []), b]);
    add(this.doctorBusy, { ...slot, ...this.buffers() });
    add(this.patientBusy, slot);
  }

  /**
   * The free time nearest the occurrence: on its own day the slot closest to its time, else
   * the first of the following days (up to SUGGESTION_DAYS); null when there is none.
   */
  suggest(slot: Slot): Slot | null {
    const length = toMinutes(slot.endTime) - toMinutes(slot.startTime);
    const wanted = toMinutes(slot.startTime);
    for (const date of eachDate(slot.date, shiftDate(slot.date, SUGGESTION_DAYS))) {
      const day = this.ctx.windows.get(date) ?? [];
      const candidates = freeSlotsOfDay(
        day.filter((w) => w.available),
        day.filter((w) => !w.available),
        this.doctorBusy.get(date) ?? [],
        0,
        length,
        { before: this.buffers().bufferBeforeMinutes, after: this.buffers().bufferAfterMinutes },
      )
        .map((s) => ({ date, ...s }))
        .filter((s) => !(s.date === slot.date && s.startTime === slot.startTime))
        .sort((a, b) => Math.abs(toMinutes(a.startTime) - wanted) - Math.abs(toMinutes(b.startTime) - wanted));
      const found = candidates.find((s) => this.problemOf(s) === null);
      if (found) return found;
    }
    return null;
  }

  private buffers() {
    return { bufferBeforeMinutes: this.ctx.type?.bufferBeforeMinutes ?? 0, bufferAfterMinutes: this.ctx.type?.bufferAfterMinutes ?? 0 };
  }
}

/** The end of an occurrence starting at `startTime` that lasts `minutes`; null past midnight. */
export function endOf(startTime: string, minutes: number): string | null {
  const end = toMinutes(startTime) + minutes;
  return end > 24 * 60 ? null : toTime(end);
}
