import { useEffect, useMemo, useRef } from 'react';
import { clinic } from '../../api/clinic';
import { shiftDate } from '../../lib/dates';
import { useLive } from '../../lib/use-live';
import { NeighbourCache, rangeKey, type Range } from './neighbour-cache';

// One empty value, so screens memoising on these arrays do not recompute on every render.
const NOTHING: Range = { appointments: [], windows: [] };

/**
 * Appointments and working hours for some doctors over some days, kept current: an event about
 * these doctors and days — or about an appointment on screen that moved elsewhere — refetches.
 * Once shown, the same span before and after is fetched ahead, for the desk's next click.
 */
export function useScheduleData(doctorIds: number[], from: string, to: string) {
  const shownIds = useRef(new Set<number>());
  const doctors = new Set(doctorIds);
  const key = rangeKey(doctorIds, from, to);
  const neighbours = useMemo(() => new NeighbourCache(), []);
  useEffect(() => neighbours.listen(), [neighbours]);
  const live = useLive<Range>(
    key,
    () => neighbours.takeOrFetch(doctorIds, from, to),
    (again) => {
      const touches = (c: { id: number | null; doctorId: number | null; date: string | null }) =>
        ((c.doctorId === null || doctors.has(c.doctorId)) && (c.date === null || (c.date >= from && c.date <= to))) || (c.id !== null && shownIds.current.has(c.id));
      return [clinic.on('appointments.changed', (c) => touches(c) && again()), clinic.on('availability.changed', (c) => touches({ ...c, id: null }) && again()), clinic.on('resync', again)];
    },
  );
  const loaded = live.value !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    // Once the browser is idle: the neighbours' replies are parsed on this thread, and must not
    // hold up the painting of what the desk just asked for.
    const idle = requestIdleCallback(() =>
      neighbours.prefetch(doctorIds, [
        { from: shiftDate(from, -span), to: shiftDate(to, -span) },
        { from: shiftDate(from, span), to: shiftDate(to, span) },
      ]),
    );
    return () => cancelIdleCallback(idle);
    // The key names the doctors and days; the arrays themselves are new on every render.
  }, [key, loaded, neighbours]);
  const { appointments, windows } = live.value ?? NOTHING;
  shownIds.current = new Set(appointments.map((a) => a.id));
  return { appointments, windows, problem: live.problem, loading: !live.loaded };
}
