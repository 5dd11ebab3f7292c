import type { AvailabilityWindow, DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { openGlobal } from '../../stores/global-dialogs';
import { toast } from '../../ui/toasts';
import { BlockedDialog } from './BlockedDialog';
import { CalendarWindows } from './CalendarWindows';
import { ExceptionForm } from './ExceptionForm';
import { useBlockedChange } from './useBlockedChange';
import { cancelledNote, describeWindow } from './window-names';

/**
 * Leave and extra hours for one doctor, and the calendar windows of the coming weeks with a way
 * to take one out. Changes that would strand booked patients go through BlockedDialog.
 */
export function ScheduleExceptions({ doctor, today }: { doctor: DoctorDto; today: string }) {
  const { t } = useT('doctors');
  const blocked = useBlockedChange();
  const removeWindow = useClinicMutation('availability.removeWindow');

  async function remove(w: AvailabilityWindow) {
    const r = await removeWindow.call({ id: w.id });
    if (!r.ok) return toast(r.error.message, 'error');
    blocked.answer(
      r.value,
      (cancelBooked) => removeWindow.call({ id: w.id, cancelBooked }),
      (cancelled) => toast(t('calendar.removed', { window: describeWindow(w), cancelled: cancelledNote(cancelled) })),
    );
  }

  const open = blocked.blocked;
  return (
    <section className="ui-panel" aria-labelledby="exceptions-title">
      <h3 id="exceptions-title">{t('exceptions.title')}</h3>
      <ExceptionForm doctor={doctor} today={today} blocked={blocked} />
      <CalendarWindows doctor={doctor} today={today} onRemove={(w) => void remove(w)} />
      {open && (
        <BlockedDialog
          appointments={open.appointments}
          retry={open.retry}
          onClose={blocked.close}
          onDone={(cancelled, told) => {
            blocked.close();
            open.done(cancelled);
            // Nothing was given for the patients: their plain cancellations may still be waiting
            // (quiet hours, no PC sending), so the notice offers to add the reason to them.
            const [first] = told.appointments;
            if (cancelled > 0 && first && !told.tellPatients) {
              openGlobal('notice', {
                kind: 'cancelled',
                doctorId: doctor.id,
                date: first.date,
                reason: told.reason,
                appointmentIds: told.appointments.map((a) => a.id),
              });
            }
          }}
        />
      )}
    </section>
  );
}
