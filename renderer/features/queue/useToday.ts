import { useMemo } from 'react';
import type { AppointmentDto, DayMoneyDto, Res } from '../../../preload/contract';
import { useClinicData, useClinicTimeZone, useTimeZone } from '../../api/clinic-data';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useLobbyOfDay } from '../../api/use-waiting-online';
import { todayIn } from '../../lib/dates';
import { useAcrossDoctors } from '../appointments/fetch-range';

// Waiting times move by themselves, with no event to say so.
const TICK_MS = 60_000;

const NO_APPOINTMENTS: AppointmentDto[] = [];
const NO_QUEUE: Res<'appointments.queue'> = [];
const NO_PENDING: DayMoneyDto['pending'] = [];

/** Today's appointments, queue, money and video lobby, kept current by the data layer and asked again every minute. */
export function useToday() {
  const timeZone = useTimeZone();
  // Today's date is the clinic's, which the PC's own zone may not share: the day's data is asked
  // for once the clinic's zone is known, not first for the PC's date and then again.
  const dateKnown = useClinicTimeZone() !== undefined;
  const { doctors } = useClinicData();
  const today = todayIn(timeZone);
  const ids = useMemo(() => doctors.map((d) => d.id), [doctors]);
  const day = useAcrossDoctors('appointments.list', ids, { from: today, to: today }, dateKnown);
  const queue = useClinicQuery('appointments.queue', {}, { refetchInterval: TICK_MS });
  const dayMoney = useClinicQuery('payments.ofDay', { date: today }, { enabled: dateKnown });
  const lobby = useLobbyOfDay(today, dateKnown);
  const money = useMemo(() => new Map((dayMoney.data?.appointments ?? []).map((m) => [m.appointmentId, m])), [dayMoney.data]);
  const appointments = useMemo(() => [...(day.data ?? NO_APPOINTMENTS)].sort((a, b) => a.startTime.localeCompare(b.startTime)), [day.data]);
  return {
    today,
    doctors,
    appointments: day.data ? appointments : NO_APPOINTMENTS,
    queue: queue.data ?? NO_QUEUE,
    money,
    pendingPayments: dayMoney.data?.pending ?? NO_PENDING,
    lobby,
    problem: day.problem ?? problemOf(queue.error) ?? problemOf(dayMoney.error),
    loaded: (day.data !== undefined || day.problem !== undefined) && (queue.data !== undefined || queue.error !== null),
  };
}
