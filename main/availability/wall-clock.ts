// Clinic dates and times are wall-clock values. Arithmetic happens on calendar days (the
// contract's, shared with the renderer) and on minutes since midnight, so neither the PC's zone
// nor a DST change can shift a slot.
export { daysBetween, eachDate, shiftDate, weekdayOf } from '../../preload/contract/calendar';

export function toMinutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function toTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}
