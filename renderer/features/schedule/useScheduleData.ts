import { useRef } from 'react';
import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useLive } from '../../lib/use-live';
import { appointmentsIn, availabilityIn } from '../appointments/fetch-range';

type Range = { appointments: AppointmentDto[]; windows: AvailabilityWindow[] };
// One empty value, so screens memoising on these arrays do not recompute on every render.
const NOTHING: Range = { appointments: [], windows: [] };

/**
 * Appointments and working hours for some doctors over some days, kept current: an event about
 * these doctors and days — or about an appointment on screen that moved elsewhere — refetches.
 */
export function useScheduleData(doctorIds: number[], from: string, to: string) {
  const shownIds = useRef(new Set<number>());
  const doctors = new Set(doctorIds);
  const live = useLive<Range>(
    `${doctorIds.join(',')}|${from}|${to}`,
    async () => {
      if (doctorIds.length === 0) return { ok: true, value: { appointments: [], windows: [] } };
      const [a, w] = await Promise.all([appointmentsIn(doctorIds, { from, to }), availabilityIn(doctorIds, { from, to })]);
      if (!a.ok) return a;
      if (!w.ok) return w;
      return { ok: true, value: { appointments: a.value, windows: w.value } };
    },
    (again) => {
      const touches = (c: { id: number | null; doctorId: number | null; date: string | null }) =>
        ((c.doctorId === null || doctors.has(c.doctorId)) && (c.date === null || (c.date >= from && c.date <= to))) || (c.id !== null && shownIds.current.has(c.id));
      return [clinic.on('appointments.changed', (c) => touches(c) && again()), clinic.on('availability.changed', (c) => touches({ ...c, id: null }) && again()), clinic.on('resync', again)];
    },
  );
  const { appointments, windows } = live.value ?? NOTHING;
  shownIds.current = new Set(appointments.map((a) => a.id));
  return { appointments, windows, problem: live.problem, loading: !live.loaded };
}
