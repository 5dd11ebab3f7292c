import { useCallback, useEffect, useState } from 'react';
import type { AppointmentDto, Res } from '../../../preload/contract';
import { appointmentsIn } from '../appointments/fetch-range';
import { clinic } from '../../api/clinic';
import { todayIn } from '../../lib/dates';
import { useClinicData, useTimeZone } from '../../stores/clinic-data';

const TICK_MS = 60_000;

/**
 * Today's appointments and queue, refreshed when anything changes on any PC and every minute
 * (waiting times move even when nothing else does).
 */
export function useToday() {
  const timeZone = useTimeZone();
  const doctors = useClinicData((s) => s.doctors);
  const [appointments, setAppointments] = useState<AppointmentDto[]>([]);
  const [queue, setQueue] = useState<Res<'appointments.queue'>>([]);
  const [problem, setProblem] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const today = todayIn(timeZone);

  const refresh = useCallback(async () => {
    const [day, q] = await Promise.all([doctors.length ? appointmentsIn(doctors.map((d) => d.id), { from: today, to: today }) : Promise.resolve({ ok: true as const, value: [] }), clinic.appointments.queue({})]);
    setLoaded(true);
    if (!day.ok) return setProblem(day.message);
    if (!q.ok) return setProblem(q.error.message);
    setProblem(undefined);
    setAppointments(day.value.sort((a, b) => a.startTime.localeCompare(b.startTime)));
    setQueue(q.value);
  }, [doctors, today]);

  useEffect(() => {
    void refresh();
    const offs = [
      clinic.on('appointments.changed', (c) => (c.date === null || c.date === today) && void refresh()),
      clinic.on('resync', () => void refresh()),
    ];
    const timer = setInterval(() => void refresh(), TICK_MS);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [refresh, today]);

  return { today, appointments, queue, problem, loaded, refresh };
}
