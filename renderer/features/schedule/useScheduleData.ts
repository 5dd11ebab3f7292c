import { useCallback, useEffect, useState } from 'react';
import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { appointmentsIn, availabilityIn } from '../appointments/fetch-range';

const COALESCE_MS = 50;

/**
 * Appointments and working hours for some doctors over some days. Changes made on any PC
 * arrive as events; those touching what is on screen trigger one refetch (a burst of them,
 * e.g. a template expanded, is coalesced).
 */
export function useScheduleData(doctorIds: number[], from: string, to: string) {
  const [appointments, setAppointments] = useState<AppointmentDto[]>([]);
  const [windows, setWindows] = useState<AvailabilityWindow[]>([]);
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(true);
  const key = doctorIds.join(',');

  const load = useCallback(async () => {
    const ids = key ? key.split(',').map(Number) : [];
    if (ids.length === 0) {
      setAppointments([]);
      setWindows([]);
      setLoading(false);
      return;
    }
    const [a, w] = await Promise.all([appointmentsIn(ids, { from, to }), availabilityIn(ids, { from, to })]);
    setLoading(false);
    if (!a.ok) return setProblem(a.message);
    if (!w.ok) return setProblem(w.message);
    setProblem(undefined);
    setAppointments(a.value);
    setWindows(w.value);
  }, [key, from, to]);

  useEffect(() => {
    setLoading(true);
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), COALESCE_MS);
    };
    const shown = new Set(key.split(',').map(Number));
    const touches = (c: { doctorId: number | null; date: string | null }) =>
      (c.doctorId === null || shown.has(c.doctorId)) && (c.date === null || (c.date >= from && c.date <= to));
    const offs = [
      clinic.on('appointments.changed', (c) => touches(c) && soon()),
      clinic.on('availability.changed', (c) => touches(c) && soon()),
      clinic.on('resync', soon),
    ];
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [load, key, from, to]);

  return { appointments, windows, problem, loading };
}
