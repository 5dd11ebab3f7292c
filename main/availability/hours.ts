import { isWithinAvailability } from './slots';

const hhmm = (t: string) => t.slice(0, 5);

interface DayWindow {
  startTime: string;
  endTime: string;
  available: boolean;
  note?: string | null;
}

/**
 * Why `slot` is not open time of the doctor's day (`day`: that date's windows and leave), said
 * as the desk needs it; null when it lies wholly inside their hours.
 */
export function hoursProblem(
  doctorName: string,
  slot: { date: string; startTime: string; endTime: string },
  day: readonly DayWindow[],
): { kind: 'LEAVE' | 'OUTSIDE_HOURS'; message: string } | null {
  const open = day.filter((w) => w.available);
  if (
    isWithinAvailability(
      slot,
      open,
      day.filter((w) => !w.available),
    )
  )
    return null;
  const when = `${hhmm(slot.startTime)}–${hhmm(slot.endTime)} on ${slot.date}`;
  // Leave is said as leave: "outside hours" would send the desk looking for a wrong pattern.
  const leave = day.find((w) => !w.available && w.startTime < slot.endTime && slot.startTime < w.endTime);
  if (leave) {
    const span = leave.startTime <= '00:00:00' && leave.endTime >= '24:00:00' ? 'all day' : `${hhmm(leave.startTime)}–${hhmm(leave.endTime)}`;
    return { kind: 'LEAVE', message: `${doctorName} is on leave ${span} on ${slot.date}${leave.note ? ` (${leave.note})` : ''}, so ${when} cannot be booked.` };
  }
  const hours = open.map((w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}`).join(', ');
  return { kind: 'OUTSIDE_HOURS', message: `${when} is outside ${doctorName}'s hours${hours ? ` (${hours})` : ' (not working that day)'}.` };
}
