import { useState } from 'react';
import { useTimeZone } from '../../api/clinic-data';
import { longDay, minutesNowIn } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { useAppointmentDialogs } from '../appointments/useAppointmentDialogs';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PrintDaySheetButton } from '../reports/DaySheet';
import { ExpectedTable } from './ExpectedTable';
import { SeenTable } from './SeenTable';
import { useToday } from './useToday';
import { useWaitingOnline } from '../../api/use-waiting-online';
import { WaitingQueue } from './WaitingQueue';
import { useOpenTokenDisplay } from './waitingRoom';

/**
 * Today at the desk: who is expected (check them in), who is waiting and for how long (in
 * token order per doctor), and who has been seen (take payment).
 */
export function QueueScreen() {
  const { today, appointments, queue, problem, loaded } = useToday();
  // A doctor opens on their own queue; the desk sees everyone's.
  const ownDoctorId = useSession((st) => st.session?.doctorId);
  const [doctorFilter, setDoctorFilter] = useState(ownDoctorId ? String(ownDoctorId) : '');
  const [dialog, open] = useAppointmentDialogs();
  const openTokenDisplay = useOpenTokenDisplay();
  const timeZone = useTimeZone();
  // Read at each render: the screen re-renders every minute (useToday) and on every change.
  const nowMs = Date.now();
  const now = { date: today, minutes: minutesNowIn(timeZone, nowMs) };
  const online = useWaitingOnline(appointments.map((a) => a.id));

  const mine = (a: { doctorId: number }) => !doctorFilter || a.doctorId === Number(doctorFilter);
  const expected = appointments.filter((a) => a.status === 'SCHEDULED' && !a.checkedInAt && mine(a));
  const seen = appointments.filter((a) => (a.status === 'COMPLETED' || a.status === 'NO_SHOW') && mine(a));
  const pay = (appointment: (typeof appointments)[number]) => open({ kind: 'pay', appointment });

  return (
    <div className="queue-screen">
      <div className="screen-head">
        <h1>Today · {longDay(today)}</h1>
        <span className="spacer" />
        <SelectField label="Doctor" value={doctorFilter} onChange={(e) => setDoctorFilter(e.target.value)}>
          <option value="">All doctors</option>
          <DoctorOptions />
        </SelectField>
        <Button onClick={() => void openTokenDisplay()}>Token display</Button>
        <PrintDaySheetButton date={today} doctorId={doctorFilter ? Number(doctorFilter) : undefined} />
        <Button onClick={() => openGlobal('walkin')} aria-keyshortcuts="Alt+W">
          Walk-in…
        </Button>
        <Button variant="primary" onClick={() => open({ kind: 'book', draft: { date: today } })} aria-keyshortcuts="Alt+N">
          Book…
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      <WaitingQueue
        queue={queue.filter(mine)}
        loaded={loaded}
        online={online}
        onPay={pay}
        onCompleteWithRecall={(appointment) => open({ kind: 'complete', appointment })}
      />
      <ExpectedTable rows={expected} loaded={loaded} now={now} online={online} onMore={(appointment) => open({ kind: 'details', appointment })} />
      <SeenTable rows={seen} nowMs={nowMs} online={online} onPay={pay} />
      {dialog}
    </div>
  );
}
