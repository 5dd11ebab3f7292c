import { useRef } from 'react';
import type { AppointmentDto, Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { todayIn } from '../../lib/dates';
import { useLive } from '../../lib/use-live';
import { useClinicData, useTimeZone } from '../../stores/clinic-data';
import { appointmentsIn } from '../appointments/fetch-range';

const TICK_MS = 60_000;

type Today = { appointments: AppointmentDto[]; queue: Res<'appointments.queue'> };
const NOTHING: Today = { appointments: [], queue: [] };

/**
 * Today's appointments and queue, refreshed when anything on screen changes on any PC (also an
 * appointment moved away to another day) and every minute, as waiting times move by themselves.
 */
export function useToday() {
  const timeZone = useTimeZone();
  const doctors = useClinicData((s) => s.doctors);
  const today = todayIn(timeZone);
  const ids = doctors.map((d) => d.id);
  // The appointments on screen: an event about one of them matters even if it moved to another day.
  const shown = useRef(new Set<number>());

  const live = useLive<Today>(
    `${today}|${ids.join(',')}`,
    async () => {
      const [day, q] = await Promise.all([ids.length ? appointmentsIn(ids, { from: today, to: today }) : Promise.resolve({ ok: true as const, value: [] }), clinic.appointments.queue({})]);
      if (!day.ok) return day;
      if (!q.ok) return { ok: false, message: q.error.message };
      return { ok: true, value: { appointments: day.value.sort((a, b) => a.startTime.localeCompare(b.startTime)), queue: q.value } };
    },
    (again) => {
      const timer = setInterval(again, TICK_MS);
      return [
        clinic.on('appointments.changed', (c) => (c.date === null || c.date === today || (c.id !== null && shown.current.has(c.id))) && again()),
        clinic.on('resync', again),
        () => clearInterval(timer),
      ];
    },
  );
  const { appointments, queue } = live.value ?? NOTHING;
  shown.current = new Set(appointments.map((a) => a.id));
  return { today, appointments, queue, problem: live.problem, loaded: live.loaded };
}
