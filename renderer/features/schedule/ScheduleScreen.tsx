import { useEffect, useMemo, useState } from 'react';
import { groupBy } from '../../../preload/contract/group-by';
import { fromMinutes, longDay, minutesNowIn, shiftDate, shortDay, todayIn, weekOf } from '../../lib/dates';
import { useClinicData, useTimeZone } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { useAppointmentDialogs } from '../appointments/useAppointmentDialogs';
import { visibleHours } from './geometry';
import type { GridColumn } from './grid';
import { TimeGrid } from './TimeGrid';
import { useScheduleData } from './useScheduleData';
import { PrintDaySheetButton } from '../reports/DaySheet';
import { DoctorOptions } from '../doctors/DoctorOptions';

const NOW_TICK_MS = 30_000;

/** The clinic's current minute, moving on its own, for the now-line. */
function useNow(timeZone: string) {
  const [now, setNow] = useState(() => ({ date: todayIn(timeZone), minute: minutesNowIn(timeZone) }));
  useEffect(() => {
    const tick = () => setNow({ date: todayIn(timeZone), minute: minutesNowIn(timeZone) });
    tick();
    const timer = setInterval(tick, NOW_TICK_MS);
    return () => clearInterval(timer);
  }, [timeZone]);
  return now;
}

/**
 * The schedule: a day with one column per doctor (filtered by specialization), or a week of one
 * doctor. Changes made on other PCs appear by themselves.
 */
export function ScheduleScreen() {
  const timeZone = useTimeZone();
  const now = useNow(timeZone);
  const doctors = useClinicData().doctors;
  // A doctor opens on their own week; the desk on everyone's day.
  const ownDoctorId = useSession((st) => st.session?.doctorId ?? undefined);
  const [view, setView] = useState<'day' | 'week'>(ownDoctorId ? 'week' : 'day');
  const [date, setDate] = useState(now.date);
  const [specialization, setSpecialization] = useState('');
  const [weekDoctor, setWeekDoctor] = useState<number | undefined>(ownDoctorId);
  const [showCancelled, setShowCancelled] = useState(false);
  const [dialog, open] = useAppointmentDialogs();

  const specializations = useMemo(() => [...new Set(doctors.map((d) => d.specialization).filter((s): s is string => !!s))].sort(), [doctors]);
  const shownDoctors = useMemo(
    () => (view === 'day' ? doctors.filter((d) => !specialization || d.specialization === specialization) : doctors.filter((d) => d.id === (weekDoctor ?? doctors[0]?.id))),
    [view, doctors, specialization, weekDoctor],
  );
  const days = useMemo(() => (view === 'day' ? [date] : weekOf(date)), [view, date]);
  const { appointments, windows, problem, loading } = useScheduleData(
    shownDoctors.map((d) => d.id),
    days[0]!,
    days[days.length - 1]!,
  );

  const columns: GridColumn[] = useMemo(() => {
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
    });
    return view === 'day'
      ? shownDoctors.map((d) => column(d.id, date, d.name))
      : days.map((day) => column(shownDoctors[0]?.id ?? 0, day, shortDay(day)));
  }, [appointments, windows, showCancelled, view, date, shownDoctors, days]);

  const hours = useMemo(() => visibleHours([...windows.filter((w) => w.available), ...appointments]), [windows, appointments]);
  const step = view === 'day' ? 1 : 7;
  const cancelledCount = appointments.filter((a) => a.status === 'CANCELLED').length;

  return (
    <div className="schedule-screen">
      <div className="screen-head">
        <h1>{view === 'day' ? longDay(date) : `Week of ${shortDay(days[0]!)}`}</h1>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="View">
          <Button aria-pressed={view === 'day'} onClick={() => setView('day')}>
            Day
          </Button>
          <Button aria-pressed={view === 'week'} onClick={() => setView('week')}>
            Week
          </Button>
        </div>
        <Button aria-label={view === 'day' ? 'Previous day' : 'Previous week'} onClick={() => setDate(shiftDate(date, -step))}>
          ‹
        </Button>
        <Button onClick={() => setDate(now.date)}>Today</Button>
        <Button aria-label={view === 'day' ? 'Next day' : 'Next week'} onClick={() => setDate(shiftDate(date, step))}>
          ›
        </Button>
        <Field label="Date" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        {view === 'day' ? (
          <SelectField label="Specialization" value={specialization} onChange={(e) => setSpecialization(e.target.value)}>
            <option value="">All</option>
            {specializations.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
        ) : (
          <SelectField label="Doctor" value={String(weekDoctor ?? doctors[0]?.id ?? '')} onChange={(e) => setWeekDoctor(Number(e.target.value))}>
            <DoctorOptions />
          </SelectField>
        )}
        {view === 'day' && <PrintDaySheetButton date={date} doctorId={shownDoctors.length === 1 ? shownDoctors[0]!.id : undefined} />}
        <Button variant="primary" onClick={() => open({ kind: 'book', draft: { date, doctorId: shownDoctors.length === 1 ? shownDoctors[0]!.id : undefined } })} aria-keyshortcuts="Alt+N">
          Book…
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {!loading && shownDoctors.length === 0 ? (
        <p className="ui-hint">No doctors to show. An administrator adds doctors and their hours under Doctors.</p>
      ) : (
        <TimeGrid
          columns={columns}
          day={hours}
          now={now}
          onSelect={(c, span) =>
            open({ kind: 'book', draft: { doctorId: c.doctorId, date: c.date, startTime: fromMinutes(span.start), endTime: span.end === undefined ? undefined : fromMinutes(span.end) } })
          }
          onOpen={(a) => open({ kind: 'details', appointment: a })}
          onMove={(a, c, span) => open({ kind: 'move', appointment: a, target: { doctorId: c.doctorId, date: c.date, startTime: fromMinutes(span.start), endTime: fromMinutes(span.end) } })}
        />
      )}
      <div className="schedule-legend" aria-label="Legend">
        <span><i style={{ background: '#eaf4ea' }} />working hours</span>
        <span><i style={{ background: '#d7e9fb' }} />booked</span>
        <span><i style={{ background: '#d4f1ee' }} />checked in</span>
        <span><i style={{ background: '#dcefdc' }} />completed</span>
        <span><i style={{ background: '#f1e7dc' }} />did not come</span>
        <label className="ui-check">
          <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> Show cancelled ({cancelledCount})
        </label>
      </div>
      {dialog}
    </div>
  );
}
