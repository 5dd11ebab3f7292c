import { useMemo, useState } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { weekOf } from '../../lib/dates';
import type { RowMinutes } from './geometry';
import { rememberRowMinutes, storedRowMinutes } from './row-minutes';

export type ScheduleView = ReturnType<typeof useScheduleView>;

/**
 * What the schedule shows: a day of every doctor (of one specialization), or a week of one
 * doctor. A doctor opens on their own week; the desk on everyone's day.
 */
export function useScheduleView(doctors: DoctorDto[], today: string, ownDoctorId: number | undefined) {
  const [view, setView] = useState<'day' | 'week'>(ownDoctorId ? 'week' : 'day');
  const [date, setDate] = useState(today);
  const [specialization, setSpecialization] = useState('');
  const [weekDoctor, setWeekDoctor] = useState<number | undefined>(ownDoctorId);
  const [rowMinutes, setRowMinutes] = useState(storedRowMinutes);

  const specializations = useMemo(() => [...new Set(doctors.map((d) => d.specialization).filter((s): s is string => !!s))].sort(), [doctors]);
  const shownDoctors = useMemo(
    () =>
      view === 'day'
        ? doctors.filter((d) => !specialization || d.specialization === specialization)
        : doctors.filter((d) => d.id === (weekDoctor ?? doctors[0]?.id)),
    [view, doctors, specialization, weekDoctor],
  );
  const days = useMemo(() => (view === 'day' ? [date] : weekOf(date)), [view, date]);
  return {
    view,
    setView,
    date,
    setDate,
    specialization,
    setSpecialization,
    specializations,
    weekDoctor: weekDoctor ?? doctors[0]?.id,
    setWeekDoctor,
    rowMinutes,
    setRowMinutes(minutes: RowMinutes) {
      rememberRowMinutes(minutes);
      setRowMinutes(minutes);
    },
    shownDoctors,
    days,
  };
}
