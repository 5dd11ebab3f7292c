import { say, type Sentence } from '../shared/say';
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
): { kind: 'LEAVE' | 'OUTSIDE_HOURS'; message: Sentence } | null {
  const open = day.filter((w) => w.available);
  if (
    isWithinAvailability(
      slot,
      open,
      day.filter((w) => !w.available),
    )
  )
    return null;
  const [from, to, date] = [hhmm(slot.startTime), hhmm(slot.endTime), slot.date];
  // Leave is said as leave: "outside hours" would send the desk looking for a wrong pattern.
  const leave = day.find((w) => !w.available && w.startTime < slot.endTime && slot.startTime < w.endTime);
  if (leave) return { kind: 'LEAVE', message: onLeave(doctorName, leave, slot) };
  const hours = open.map((w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}`).join(', ');
  return {
    kind: 'OUTSIDE_HOURS',
    message: hours
      ? say`${from}–${to} on ${date} is outside ${doctorName}'s hours (${hours}).`
      : say`${from}–${to} on ${date} is outside ${doctorName}'s hours (not working that day).`,
  };
}

/** "… is on leave all day on …, so … cannot be booked.", with the leave's hours and note when it has them. */
function onLeave(doctorName: string, leave: DayWindow, slot: { date: string; startTime: string; endTime: string }): Sentence {
  const [from, to, date] = [hhmm(slot.startTime), hhmm(slot.endTime), slot.date];
  const note = leave.note;
  if (leave.startTime <= '00:00:00' && leave.endTime >= '24:00:00')
    return note
      ? say`${doctorName} is on leave all day on ${date} (${note}), so ${from}–${to} on ${date} cannot be booked.`
      : say`${doctorName} is on leave all day on ${date}, so ${from}–${to} on ${date} cannot be booked.`;
  const [away, back] = [hhmm(leave.startTime), hhmm(leave.endTime)];
  return note
    ? say`${doctorName} is on leave ${away}–${back} on ${date} (${note}), so ${from}–${to} on ${date} cannot be booked.`
    : say`${doctorName} is on leave ${away}–${back} on ${date}, so ${from}–${to} on ${date} cannot be booked.`;
}
