import { eachDate, toMinutes, toTime, weekdayOf } from './wall-clock';

export interface TemplateRule {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

export interface Window {
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

interface Span {
  start: number;
  end: number;
}

/** The windows a weekly pattern gives over a date range. */
export function expandRules(rules: readonly TemplateRule[], from: string, to: string): Window[] {
  const out: Window[] = [];
  for (const date of eachDate(from, to)) {
    const weekday = weekdayOf(date);
    for (const rule of rules) {
      if (rule.weekday === weekday) out.push({ date, startTime: rule.startTime, endTime: rule.endTime, slotMinutes: rule.slotMinutes });
    }
  }
  return out;
}

/** How many whole slots a window holds (a remainder shorter than a slot is not offered). */
export function slotCount(w: Pick<Window, 'startTime' | 'endTime' | 'slotMinutes'>): number {
  return Math.floor((toMinutes(w.endTime) - toMinutes(w.startTime)) / w.slotMinutes);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A booking's time with the buffers kept clear around it (the doctor's, as the database compares them). */
export interface BufferedTime {
  startTime: string;
  endTime: string;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
}

const buffered = (b: BufferedTime): Span => ({
  start: toMinutes(b.startTime) - (b.bufferBeforeMinutes ?? 0),
  end: toMinutes(b.endTime) + (b.bufferAfterMinutes ?? 0),
});

/**
 * The free slots of one doctor on one day: each open window cut into slots from its start,
 * without those touching leave, a booking, or the time before `notBefore` (minutes).
 * Overlapping windows (pattern plus extra hours) give each start time once. With `buffers`,
 * a slot and its buffers must keep clear of each booking and its buffers; the slot itself
 * lies inside hours and off leave (a buffer may reach past the window's edge).
 */
export function freeSlotsOfDay(
  windows: readonly Pick<Window, 'startTime' | 'endTime' | 'slotMinutes'>[],
  leave: readonly { startTime: string; endTime: string }[],
  bookings: readonly BufferedTime[],
  notBefore = 0,
  durationMinutes?: number,
  buffers: { before: number; after: number } = { before: 0, after: 0 },
): { startTime: string; endTime: string }[] {
  const onLeave: Span[] = leave.map((b) => ({ start: toMinutes(b.startTime), end: toMinutes(b.endTime) }));
  const booked: Span[] = bookings.map(buffered);
  const seen = new Set<number>();
  const out: Span[] = [];
  for (const w of windows) {
    const windowEnd = toMinutes(w.endTime);
    const length = durationMinutes ?? w.slotMinutes;
    for (let start = toMinutes(w.startTime); start + length <= windowEnd; start += w.slotMinutes) {
      const slot = { start, end: start + length };
      const withBuffers = { start: start - buffers.before, end: slot.end + buffers.after };
      if (start < notBefore || seen.has(start) || onLeave.some((b) => overlaps(slot, b)) || booked.some((b) => overlaps(withBuffers, b))) continue;
      seen.add(start);
      out.push(slot);
    }
  }
  return out.sort((a, b) => a.start - b.start).map((s) => ({ startTime: toTime(s.start), endTime: toTime(s.end) }));
}

/** Whether a booking lies wholly inside open time (some window, no leave). */
export function isWithinAvailability(
  booking: { startTime: string; endTime: string },
  windows: readonly { startTime: string; endTime: string }[],
  leave: readonly { startTime: string; endTime: string }[],
): boolean {
  const b = { start: toMinutes(booking.startTime), end: toMinutes(booking.endTime) };
  if (leave.some((l) => overlaps(b, { start: toMinutes(l.startTime), end: toMinutes(l.endTime) }))) return false;
  // Covered by the union of windows: walk the windows in order, extending the covered prefix.
  let covered = b.start;
  for (const w of [...windows].sort((x, y) => toMinutes(x.startTime) - toMinutes(y.startTime))) {
    if (toMinutes(w.startTime) <= covered && toMinutes(w.endTime) > covered) covered = toMinutes(w.endTime);
  }
  return covered >= b.end;
}
