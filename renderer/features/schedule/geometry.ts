import { toMinutes } from '../../lib/dates';

/** A row of the grid, whatever minutes it holds: tall enough to click and to read one line. */
export const ROW_PX = 24;
/** Minutes per row the desk can choose: 5 for a doctor of short visits, 30 for a long day at a glance. */
export const ROW_MINUTES = [5, 10, 15, 30] as const;
export type RowMinutes = (typeof ROW_MINUTES)[number];
/** Drags snap to five minutes, the finest slot a doctor's hours can have. */
export const SNAP_MINUTES = 5;
/** The hour labels' column, and the narrowest a doctor's or day's column gets before the grid scrolls sideways. */
export const AXIS_PX = 56;
export const MIN_COLUMN_PX = 150;
const DEFAULT_DAY = { start: 8 * 60, end: 18 * 60 };

/** The hours on screen and their scale. */
export interface DayFrame {
  start: number;
  end: number;
  pxPerMinute: number;
}

export const frameOf = (hours: { start: number; end: number }, rowMinutes: RowMinutes): DayFrame => ({ ...hours, pxPerMinute: ROW_PX / rowMinutes });

/** The hours shown: the working day, widened to every window and appointment on screen, in whole hours. */
export function visibleHours(spans: { startTime: string; endTime: string }[]): { start: number; end: number } {
  let start = DEFAULT_DAY.start;
  let end = DEFAULT_DAY.end;
  for (const s of spans) {
    start = Math.min(start, toMinutes(s.startTime));
    end = Math.max(end, toMinutes(s.endTime) || 24 * 60);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

const snap = (minutes: number) => Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;

/** The minute of the day under a pointer at `offsetY` pixels from the top of a column. */
export function minuteAt(offsetY: number, day: DayFrame): number {
  return Math.min(lastMinute(day.end), Math.max(day.start, snap(day.start + offsetY / day.pxPerMinute)));
}

/** "24:00" is not a time the contract accepts: a drag to the very bottom stops one snap short. */
const lastMinute = (dayEnd: number) => Math.min(dayEnd, 24 * 60 - SNAP_MINUTES);

export const top = (minute: number, day: DayFrame) => (minute - day.start) * day.pxPerMinute;
export const height = (start: number, end: number, day: DayFrame) => Math.max(0, end - start) * day.pxPerMinute;

/**
 * A move keeps the length and shifts by the drag; a resize keeps the start. Both stay inside
 * the visible day and never shrink below one snap.
 */
export function dragResult(
  kind: 'move' | 'resize',
  start: number,
  end: number,
  deltaMinutes: number,
  day: { start: number; end: number },
): { start: number; end: number } {
  const d = snap(deltaMinutes);
  const last = lastMinute(day.end);
  if (kind === 'resize') return { start, end: Math.min(last, Math.max(start + SNAP_MINUTES, end + d)) };
  const length = end - start;
  const s = Math.min(last - length, Math.max(day.start, start + d));
  return { start: s, end: s + length };
}
