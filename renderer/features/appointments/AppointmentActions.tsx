import type { AppointmentDto } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
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
  const { t } = useT('appointments');
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
            {t('actions.startVideo')}
          </Button>
          <SendVideoLink appointment={a} />
        </>
      )}
      {mayCheckIn(a, now) && <Button onClick={step('checkIn')}>{t('actions.checkIn')}</Button>}
      {scheduled && a.checkedInAt && (
        <>
          <Button onClick={step('complete')}>{t('actions.complete')}</Button>
          <Button onClick={() => open({ kind: 'complete', appointment: a })}>{t('actions.completeSeeAgain')}</Button>
        </>
      )}
      {mayMarkNoShow(a, now) && <Button onClick={step('noShow')}>{t('actions.noShow')}</Button>}
      {scheduled && <Button onClick={() => open({ kind: 'move', appointment: a })}>{t('actions.move')}</Button>}
      {a.status !== 'CANCELLED' && <Button onClick={() => open({ kind: 'pay', appointment: a })}>{t('actions.pay')}</Button>}
      {scheduled && (
        <Button variant="danger" onClick={() => open({ kind: 'cancel', appointment: a })}>
          {t('actions.cancel')}
        </Button>
      )}
      {loaded && mayUndo(history, session?.userId, nowMs) && <Button onClick={step('undo')}>{t('actions.undo')}</Button>}
    </div>
  );
}
