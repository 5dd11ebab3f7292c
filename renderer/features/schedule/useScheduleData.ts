import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { useClinicApi } from '../../api/context';
import { shiftDate } from '../../lib/dates';
import { prefetchAcrossDoctors, useAcrossDoctors } from '../appointments/fetch-range';

// One empty value each, so screens memoising on these arrays do not recompute on every render.
const NO_APPOINTMENTS: AppointmentDto[] = [];
const NO_WINDOWS: AvailabilityWindow[] = [];

/**
 * Appointments and working hours for some doctors over some days, kept current by the data
 * layer. Once shown, the same span before and after is fetched ahead, for the desk's next click.
 */
export function useScheduleData(doctorIds: number[], from: string, to: string) {
  const api = useClinicApi();
  const queryClient = useQueryClient();
  const appointments = useAcrossDoctors('appointments.list', doctorIds, { from, to });
  const windows = useAcrossDoctors('availability.range', doctorIds, { from, to });
  const loaded = appointments.data !== undefined && windows.data !== undefined;
  const key = `${doctorIds.join(',')}|${from}|${to}`;
  useEffect(() => {
    if (!loaded || doctorIds.length === 0) return;
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    // Once the browser is idle: the neighbours' replies are parsed on this thread, and must not
    // hold up the painting of what the desk just asked for.
    const idle = requestIdleCallback(() => {
      for (const shift of [-span, span]) {
        const range = { from: shiftDate(from, shift), to: shiftDate(to, shift) };
        prefetchAcrossDoctors(queryClient, api, 'appointments.list', doctorIds, range);
        prefetchAcrossDoctors(queryClient, api, 'availability.range', doctorIds, range);
      }
    });
    return () => cancelIdleCallback(idle);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names the doctors and days; the arrays themselves are new on every render
  }, [key, loaded, api, queryClient]);
  return {
    appointments: appointments.data ?? NO_APPOINTMENTS,
    windows: windows.data ?? NO_WINDOWS,
    problem: appointments.problem ?? windows.problem,
    loading: appointments.loading || windows.loading,
  };
}
