import type { AppointmentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { shortDay, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';

/** Cancelling always records why; the slot is free for others at once. */
export function CancelDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose(): void }) {
  const form = useForm({ reason: '' });
  const cancelling = useClinicMutation('appointments.cancel');
  const cancel = form.submit(
    () => cancelling.call({ id: appointment.id, reason: form.values.reason }),
    (a) => {
      toast(`Cancelled ${a.patientName}, ${shortDay(a.date)} ${timeRange(a)}`);
      onClose();
    },
  );
  return (
    <Dialog title={`Cancel ${appointment.patientName}’s appointment`} onClose={onClose}>
      <p>
        {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      <form className="ui-form" onSubmit={cancel} aria-label="Cancel appointment" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        <Field label="Reason for cancelling" value={form.values.reason} onChange={form.change('reason')} error={form.at('reason')} autoFocus />
        <div className="ui-actions">
          <Button onClick={onClose}>Keep the appointment</Button>
          <Button variant="danger" type="submit" disabled={form.busy}>
            Cancel appointment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
