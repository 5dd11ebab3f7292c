import { useEffect, useState } from 'react';
import type { AppointmentDto, Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { clinicDateTime, longDay, minutesNowIn, timeRange, todayIn } from '../../lib/dates';
import { useTimeZone } from '../../api/clinic-data';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useSession } from '../../stores/session';
import { appointmentStep } from './actions';
import { mayCheckIn, mayMarkNoShow, mayUndo } from './may';
import { mayStartVideo, startVideo } from './startVideo';
import type { OpenDialog } from './useAppointmentDialogs';
import { AppointmentMessages } from '../messaging/AppointmentMessages';

export const STATUS_NAMES = { SCHEDULED: 'Scheduled', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'Did not come' } as const;

/** One appointment at a glance, with what can be done to it from the schedule. */
export function AppointmentDialog({ appointment, open, onClose }: { appointment: AppointmentDto; open(next: OpenDialog): void; onClose(): void }) {
  const a = appointment;
  const session = useSession((st) => st.session);
  const timeZone = useTimeZone();
  const [history, setHistory] = useState<Res<'appointments.history'>>();
  useEffect(() => {
    void clinic.appointments.history({ id: appointment.id }).then((r) => r.ok && setHistory(r.value));
  }, [appointment.id]);
  const scheduled = a.status === 'SCHEDULED';
  const nowMs = Date.now();
  const now = { date: todayIn(timeZone, nowMs), minutes: minutesNowIn(timeZone, nowMs) };
  const step = (s: Parameters<typeof appointmentStep>[0]) => async () => {
    if (await appointmentStep(s, a)) onClose();
  };
  return (
    <Dialog title={`${a.patientName} — ${timeRange(a)}`} onClose={onClose}>
      <dl className="facts">
        <dt>Doctor</dt>
        <dd>{a.doctorName}</dd>
        <dt>Day</dt>
        <dd>{longDay(a.date)}</dd>
        <dt>Status</dt>
        <dd>
          {STATUS_NAMES[a.status]}
          {a.checkedInAt ? ` · checked in, token ${a.tokenNo}` : ''}
          {a.isWalkIn ? ' · walk-in' : ''}
        </dd>
        {a.patientPhone && (
          <>
            <dt>Phone</dt>
            <dd>{a.patientPhone}</dd>
          </>
        )}
        {a.reason && (
          <>
            <dt>Reason</dt>
            <dd>{a.reason}</dd>
          </>
        )}
        {a.cancelReason && (
          <>
            <dt>Cancelled because</dt>
            <dd>{a.cancelReason}</dd>
          </>
        )}
      </dl>
      {history && history.length > 0 && (
        <details>
          <summary>History ({history.length})</summary>
          <ol className="history-list" aria-label="History">
            {history.map((h) => (
              <li key={h.id} data-undone={h.undoneAt ? true : undefined}>
                {clinicDateTime(h.changedAt, timeZone)} · {h.kind.toLowerCase().replace(/_/g, ' ')}
                {h.toStatus && h.fromStatus !== h.toStatus ? ` → ${h.toStatus.toLowerCase()}` : ''}
                {h.changedByName ? ` · ${h.changedByName}` : ''}
                {h.reason ? ` · “${h.reason}”` : ''}
                {h.undoneAt ? ' (undone)' : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
      <AppointmentMessages appointment={a} />
      <div className="ui-actions">
        {mayStartVideo(session, a) && (
          <Button variant="primary" onClick={() => void startVideo(a)}>
            Start video
          </Button>
        )}
        {mayCheckIn(a, now) && <Button onClick={step('checkIn')}>Check in</Button>}
        {scheduled && a.checkedInAt && <Button onClick={step('complete')}>Mark completed</Button>}
        {mayMarkNoShow(a, now) && <Button onClick={step('noShow')}>Did not come</Button>}
        {scheduled && <Button onClick={() => open({ kind: 'move', appointment: a })}>Move…</Button>}
        {a.status !== 'CANCELLED' && <Button onClick={() => open({ kind: 'pay', appointment: a })}>Take payment…</Button>}
        {scheduled && (
          <Button variant="danger" onClick={() => open({ kind: 'cancel', appointment: a })}>
            Cancel…
          </Button>
        )}
        {history && mayUndo(history, session?.userId, nowMs) && <Button onClick={step('undo')}>Undo my last change</Button>}
      </div>
    </Dialog>
  );
}
