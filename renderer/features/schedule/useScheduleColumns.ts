import { useMemo } from 'react';
import type { AppointmentDto, AvailabilityWindow, DoctorDto } from '../../../preload/contract';
import { groupBy } from '../../../preload/contract/group-by';
import { shortDay } from '../../lib/dates';
import type { GridColumn } from './grid';

/**
 * The grid's columns: one per doctor on a day, or one per day of a doctor's week, each with
 * its own appointments and working hours. Recomputed only when what they show changes.
 */
export function useScheduleColumns({
  view,
  days,
  shownDoctors,
  appointments,
  windows,
  showCancelled,
  closedDays,
  language,
}: {
  view: 'day' | 'week';
  days: string[];
  shownDoctors: DoctorDto[];
  appointments: AppointmentDto[];
  windows: AvailabilityWindow[];
  showCancelled: boolean;
  /** Days the clinic is closed: date → the holiday's name. */
  closedDays: ReadonlyMap<string, string>;
  /** The desk's language: a week's columns are named by dates in it, so a switch names them afresh. */
  language: string;
}): GridColumn[] {
  return useMemo(() => {
    const visible = showCancelled ? appointments : appointments.filter((a) => a.status !== 'CANCELLED');
    const apptsBy = groupBy(visible, (a) => `${a.doctorId}|${a.date}`);
    const windowsBy = groupBy(windows, (w) => `${w.doctorId}|${w.date}`);
    const column = (doctorId: number, day: string, label: string): GridColumn => ({
      key: `${doctorId}|${day}`,
      label,
      doctorId,
      date: day,
      appointments: apptsBy.get(`${doctorId}|${day}`) ?? [],
      windows: windowsBy.get(`${doctorId}|${day}`) ?? [],
      closed: closedDays.get(day),
    });
    return view === 'day' ? shownDoctors.map((d) => column(d.id, days[0]!, d.name)) : days.map((day) => column(shownDoctors[0]?.id ?? 0, day, shortDay(day)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shortDay reads the language from the formatters, not from this argument
  }, [appointments, windows, showCancelled, view, shownDoctors, days, closedDays, language]);
}
