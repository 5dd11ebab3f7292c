import type { AppointmentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { hhmm, shortDay, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, SelectField } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';
import { OVERRIDE_FIELDS, OutsideHours, overrideOf } from '../booking';
import { DoctorOptions } from '../doctors/DoctorOptions';

export interface MoveTarget {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
}

/**
 * Moves or resizes an appointment: opened by a drag on the schedule (pre-filled with where it
 * was dropped, so nothing changes until the desk confirms) or from the keyboard.
 */
export function MoveDialog({ appointment, target, onClose }: { appointment: AppointmentDto; target?: MoveTarget; onClose(): void }) {
  const form = useForm({
    doctorId: String(target?.doctorId ?? appointment.doctorId),
    date: target?.date ?? appointment.date,
    startTime: hhmm(target?.startTime ?? appointment.startTime),
    endTime: hhmm(target?.endTime ?? appointment.endTime),
    outsideHours: false,
    overrideReason: '',
  }, OVERRIDE_FIELDS);
  const v = form.values;
  // The reply takes the appointment out of its old day and into its new one in the cache.
  const moving = useClinicMutation('appointments.reschedule');
  const move = form.submit(
    () => moving.call({ id: appointment.id, doctorId: Number(v.doctorId), date: v.date, startTime: v.startTime, endTime: v.endTime, ...overrideOf(v) }),
    (a) => {
      toast(`Moved ${a.patientName} to ${shortDay(a.date)} ${timeRange(a)} with ${a.doctorName}`);
      onClose();
    },
  );
  return (
    <Dialog title={`Move ${appointment.patientName}’s appointment`} onClose={onClose}>
      <p>
        Now: {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      <form className="ui-form" onSubmit={move} aria-label="Move appointment" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        {form.error?.code === 'CONFLICT' && form.error.field && <Banner tone="error">{form.error.message}</Banner>}
        <SelectField label="Doctor" value={v.doctorId} onChange={form.change('doctorId')} error={form.at('doctorId')}>
          <DoctorOptions />
        </SelectField>
        <div className="ui-row">
          <Field label="Date" type="date" value={v.date} onChange={form.change('date')} error={form.at('date')} />
          <Field label="Start time" type="time" value={v.startTime} onChange={form.change('startTime')} error={form.error?.code === 'CONFLICT' ? undefined : form.at('startTime')} />
          <Field label="End time" type="time" value={v.endTime} onChange={form.change('endTime')} error={form.at('endTime')} />
        </div>
        <OutsideHours
          checked={v.outsideHours}
          reason={v.overrideReason}
          error={form.at('override.reason') ?? form.at('override')}
          onChecked={form.change('outsideHours')}
          onReason={form.change('overrideReason')}
        />
        <div className="ui-actions">
          <Button onClick={onClose}>Keep it where it is</Button>
          <Button variant="primary" type="submit" disabled={form.busy} autoFocus>
            {form.busy ? 'Moving…' : 'Move'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
