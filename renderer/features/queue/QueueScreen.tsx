import { useState } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { hhmm, longDay, minutesNowIn, timeRange } from '../../lib/dates';
import { useClinicData, useTimeZone } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { appointmentStep } from '../appointments/actions';
import { changedRecently, mayMarkNoShow, useRecentSteps } from '../appointments/may';
import { STATUS_NAMES } from '../appointments/AppointmentDialog';
import { mayStartVideo, startVideo } from '../appointments/startVideo';
import { useAppointmentDialogs } from '../appointments/useAppointmentDialogs';
import { printDocument } from '../print/print';
import { TokenSlip } from './TokenSlip';
import { useToday } from './useToday';
import { useWaitingOnline } from './useWaitingOnline';
import { WaitingOnlineBadge } from './WaitingOnlineBadge';
import { WalkInDialog } from './WalkInDialog';
import { callNext, moveStage, openTokenDisplay } from './waitingRoom';
import { PrintDaySheetButton } from '../reports/DaySheet';
import { DoctorOptions } from '../doctors/DoctorOptions';

const STAGE_NAMES = { ARRIVED: 'waiting', CALLED: 'called', WITH_DOCTOR: 'with the doctor' } as const;
const PRIORITY_NAMES = { EMERGENCY: 'emergency', ELDERLY: 'priority: elderly', PREGNANT: 'priority: pregnant', CHILD: 'priority: child' } as const;

/**
 * Today at the desk: who is expected (check them in), who is waiting and for how long (in
 * token order per doctor), and who has been seen (take payment).
 */
export function QueueScreen() {
  const { today, appointments, queue, problem, loaded } = useToday();
  const clinicName = useClinicData().settings?.clinicName ?? '';
  const slipPaper = useClinicData().settings?.receiptPaper ?? 'A5';
  // A doctor opens on their own queue; the desk sees everyone's.
  const session = useSession((st) => st.session);
  const ownDoctorId = session?.doctorId;
  const [doctorFilter, setDoctorFilter] = useState(ownDoctorId ? String(ownDoctorId) : '');
  const [walkIn, setWalkIn] = useState(false);
  const [dialog, open] = useAppointmentDialogs();
  const recent = useRecentSteps((s) => s.at);
  const timeZone = useTimeZone();
  // Read at each render: the screen re-renders every minute (useToday) and on every change.
  const nowMs = Date.now();
  const now = { date: today, minutes: minutesNowIn(timeZone, nowMs) };

  const mine = (a: { doctorId: number }) => !doctorFilter || a.doctorId === Number(doctorFilter);
  const expected = appointments.filter((a) => a.status === 'SCHEDULED' && !a.checkedInAt && mine(a));
  const seen = appointments.filter((a) => (a.status === 'COMPLETED' || a.status === 'NO_SHOW') && mine(a));
  const waiting = queue.filter(mine);
  const online = useWaitingOnline(appointments.map((a) => a.id));
  const printSlip = (a: AppointmentDto) => void printDocument(<TokenSlip appointment={a} clinicName={clinicName} />, slipPaper);

  const who = (a: AppointmentDto) => (
    <>
      {a.patientName}
      {a.isWalkIn ? <span className="tag">walk-in</span> : null}
      {online.has(a.id) ? <WaitingOnlineBadge /> : null}
    </>
  );

  const expectedColumns: Column<AppointmentDto>[] = [
    { header: 'Time', cell: (a) => timeRange(a) },
    { header: 'Patient', cell: who },
    { header: 'Doctor', cell: (a) => a.doctorName },
    { header: 'Reason', cell: (a) => a.reason ?? '' },
    {
      header: 'Actions',
      cell: (a) => (
        <span className="row-actions">
          <Button aria-label={`Check in ${a.patientName}`} onClick={() => void appointmentStep('checkIn', a).then((done) => done && printSlip(done))}>
            Check in
          </Button>
          {mayMarkNoShow(a, now) && (
            <Button aria-label={`${a.patientName} did not come`} onClick={() => void appointmentStep('noShow', a)}>
              Did not come
            </Button>
          )}
          <Button aria-label={`More for ${a.patientName}`} onClick={() => open({ kind: 'details', appointment: a })}>
            More…
          </Button>
        </span>
      ),
    },
  ];

  const seenColumns: Column<AppointmentDto>[] = [
    { header: 'Time', cell: (a) => timeRange(a) },
    { header: 'Patient', cell: who },
    { header: 'Doctor', cell: (a) => a.doctorName },
    { header: 'Status', cell: (a) => STATUS_NAMES[a.status] },
    {
      header: 'Actions',
      cell: (a) => (
        <span className="row-actions">
          {a.status === 'COMPLETED' && (
            <Button aria-label={`Take payment from ${a.patientName}`} onClick={() => open({ kind: 'pay', appointment: a })}>
              Take payment
            </Button>
          )}
          {changedRecently(recent[a.id], nowMs) && (
            <Button aria-label={`Undo for ${a.patientName}`} onClick={() => void appointmentStep('undo', a)}>
              Undo
            </Button>
          )}
        </span>
      ),
    },
  ];

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
        <Button onClick={() => setWalkIn(true)} aria-keyshortcuts="Alt+W">
          Walk-in…
        </Button>
        <Button variant="primary" onClick={() => open({ kind: 'book', draft: { date: today } })} aria-keyshortcuts="Alt+N">
          Book…
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting</h2>
        {loaded && waiting.every((d) => d.waiting.length === 0) && <p className="ui-hint">Nobody is waiting.</p>}
        {waiting
          .filter((d) => d.waiting.length > 0)
          .map((d) => (
            <div key={d.doctorId} className="queue-doctor">
              <h3>
                {d.doctorName} <span className="ui-hint">· about {Math.round(d.consultMinutes)} min per patient</span>{' '}
                <Button variant="primary" aria-label={`Call next for ${d.doctorName}`} onClick={() => void callNext(d.doctorId, d.doctorName)}>
                  Call next
                </Button>
              </h3>
              <ol className="queue-list" aria-label={`Waiting for ${d.doctorName}`}>
                {d.waiting.map(({ appointment: a, stage, priority, skipped, waitingMinutes, estimatedWaitMinutes }) => (
                  <li key={a.id} data-stage={stage}>
                    <span className="token-badge" aria-label={`Token ${a.tokenNo}`}>
                      {a.tokenNo}
                    </span>
                    <span className="queue-who">
                      <strong>
                        {who(a)}
                        {stage !== 'ARRIVED' && <span className="tag">{STAGE_NAMES[stage]}</span>}
                        {priority && <span className="tag">{PRIORITY_NAMES[priority]}</span>}
                        {skipped && <span className="tag">skipped</span>}
                      </strong>
                      <span className="ui-hint">
                        booked {hhmm(a.startTime)} · waiting {waitingMinutes} min · about {estimatedWaitMinutes} min to go
                      </span>
                    </span>
                    <span className="row-actions">
                      {stage === 'CALLED' && (
                        <>
                          <Button aria-label={`${a.patientName} is in with the doctor`} onClick={() => void moveStage('start', a)}>
                            In
                          </Button>
                          <Button aria-label={`Skip ${a.patientName}, recall later`} onClick={() => void moveStage('skip', a)}>
                            Skip
                          </Button>
                        </>
                      )}
                      {stage !== 'ARRIVED' && (
                        <Button aria-label={`Send ${a.patientName} back to waiting`} onClick={() => void moveStage('sendBack', a)}>
                          Back to waiting
                        </Button>
                      )}
                      <Button aria-label={`Completed: ${a.patientName}`} onClick={() => void appointmentStep('complete', a)}>
                        Completed
                      </Button>
                      <Button aria-label={`Take payment from ${a.patientName}`} onClick={() => open({ kind: 'pay', appointment: a })}>
                        Take payment
                      </Button>
                      <Button aria-label={`Print token slip for ${a.patientName}`} onClick={() => printSlip(a)}>
                        Token slip
                      </Button>
                      {mayStartVideo(session, a) && (
                        <Button aria-label={`Start video with ${a.patientName}`} onClick={() => void startVideo(a)}>
                          Start video
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
      </section>
      <section aria-labelledby="expected-title">
        <h2 id="expected-title">Expected</h2>
        <Table label="Expected today" columns={expectedColumns} rows={expected} empty={loaded ? 'Nobody else is expected today.' : 'Loading…'} />
      </section>
      <section aria-labelledby="seen-title">
        <h2 id="seen-title">Seen today</h2>
        <Table label="Seen today" columns={seenColumns} rows={seen} empty="Nobody has been seen yet." />
      </section>
      {walkIn && <WalkInDialog onClose={() => setWalkIn(false)} />}
      {dialog}
    </div>
  );
}
