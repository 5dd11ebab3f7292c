import { useMemo, useState } from 'react';
import { fromMinutes } from '../../lib/dates';
import { useClinicData, useTimeZone } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { useAppointmentDialogs } from '../appointments/useAppointmentDialogs';
import { frameOf, visibleHours } from './geometry';
import { ScheduleLegend } from './ScheduleLegend';
import { ScheduleToolbar } from './ScheduleToolbar';
import { TimeGrid } from './TimeGrid';
import { useNow } from './useNow';
import { useScheduleColumns } from './useScheduleColumns';
import { useScheduleData } from './useScheduleData';
import { useScheduleView } from './useScheduleView';
import { useClosedDays } from './useClosedDays';

/**
 * The schedule: a day with one column per doctor (filtered by specialization), or a week of one
 * doctor. Changes made on other PCs appear by themselves.
 */
export function ScheduleScreen() {
  const { t, language } = useT('schedule');
  const timeZone = useTimeZone();
  const now = useNow(timeZone);
  const doctors = useClinicData().doctors;
  const shown = useScheduleView(
    doctors,
    now.date,
    useSession((st) => st.session?.doctorId ?? undefined),
  );
  const { view, date, days, shownDoctors } = shown;
  const [showCancelled, setShowCancelled] = useState(false);
  const [dialog, open] = useAppointmentDialogs();

  const { appointments, windows, problem, loading } = useScheduleData(
    shownDoctors.map((d) => d.id),
    days[0]!,
    days[days.length - 1]!,
  );
  const closedDays = useClosedDays(days[0]!, days[days.length - 1]!);
  const columns = useScheduleColumns({ view, days, shownDoctors, appointments, windows, showCancelled, closedDays, language });
  const hours = useMemo(() => visibleHours([...windows.filter((w) => w.available), ...appointments]), [windows, appointments]);
  const frame = useMemo(() => frameOf(hours, shown.rowMinutes), [hours, shown.rowMinutes]);
  const oneDoctor = shownDoctors.length === 1 ? shownDoctors[0]!.id : undefined;

  return (
    <div className="schedule-screen">
      <ScheduleToolbar shown={shown} today={now.date} onBook={() => open({ kind: 'book', draft: { date, doctorId: oneDoctor } })} />
      {problem && <Banner tone="error">{problem}</Banner>}
      {!loading && shownDoctors.length === 0 ? (
        <p className="ui-hint">{t('noDoctors')}</p>
      ) : (
        <TimeGrid
          columns={columns}
          day={frame}
          now={now}
          onSelect={(c, span) =>
            open({
              kind: 'book',
              draft: {
                doctorId: c.doctorId,
                date: c.date,
                startTime: fromMinutes(span.start),
                endTime: span.end === undefined ? undefined : fromMinutes(span.end),
              },
            })
          }
          onOpen={(a) => open({ kind: 'details', appointment: a })}
          onMove={(a, c, span) =>
            open({
              kind: 'move',
              appointment: a,
              target: { doctorId: c.doctorId, date: c.date, startTime: fromMinutes(span.start), endTime: fromMinutes(span.end) },
            })
          }
        />
      )}
      <ScheduleLegend
        showCancelled={showCancelled}
        cancelledCount={appointments.filter((a) => a.status === 'CANCELLED').length}
        onShowCancelled={setShowCancelled}
      />
      {dialog}
    </div>
  );
}
