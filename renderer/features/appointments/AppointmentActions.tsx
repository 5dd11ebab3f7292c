import type { AppointmentDto } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { minutesNowIn, todayIn } from '../../lib/dates';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { useAppointmentStep, type Step } from './actions';
import { useAppointmentHistory } from './AppointmentHistory';
import { mayCheckIn, mayMarkNoShow, mayStartVideo, mayUndo } from './may';
import { SendVideoLink } from '../messaging/SendVideoLink';
import { startVideo } from './startVideo';
import type { OpenDialog } from './useAppointmentDialogs';

/**
 * What can be done to an appointment from its dialog: only the buttons main would allow now.
 * A step that succeeds closes the dialog; the others open the next dialog.
 */
export function AppointmentActions({ appointment: a, open, onDone }: { appointment: AppointmentDto; open(next: OpenDialog): void; onDone(): void }) {
  const session = useSession((st) => st.session);
  const timeZone = useTimeZone();
  const { history, loaded } = useAppointmentHistory(a.id);
  const run = useAppointmentStep();
  const scheduled = a.status === 'SCHEDULED';
  const nowMs = Date.now();
  const now = { date: todayIn(timeZone, nowMs), minutes: minutesNowIn(timeZone, nowMs) };
  const step = (s: Step) => async () => {
    if (await run(s, a)) onDone();
  };
  return (
    <div className="ui-actions">
      {mayStartVideo(session, a) && (
        <>
          <Button variant="primary" onClick={() => void startVideo(a)}>
            Start video
          </Button>
          <SendVideoLink appointment={a} />
        </>
      )}
      {mayCheckIn(a, now) && <Button onClick={step('checkIn')}>Check in</Button>}
      {scheduled && a.checkedInAt && (
        <>
          <Button onClick={step('complete')}>Mark completed</Button>
          <Button onClick={() => open({ kind: 'complete', appointment: a })}>Completed, see again…</Button>
        </>
      )}
      {mayMarkNoShow(a, now) && <Button onClick={step('noShow')}>Did not come</Button>}
      {scheduled && <Button onClick={() => open({ kind: 'move', appointment: a })}>Move…</Button>}
      {a.status !== 'CANCELLED' && <Button onClick={() => open({ kind: 'pay', appointment: a })}>Take payment…</Button>}
      {scheduled && (
        <Button variant="danger" onClick={() => open({ kind: 'cancel', appointment: a })}>
          Cancel…
        </Button>
      )}
      {loaded && mayUndo(history, session?.userId, nowMs) && <Button onClick={step('undo')}>Undo my last change</Button>}
    </div>
  );
}
