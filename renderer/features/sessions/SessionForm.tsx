import type { Req } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { timeRange, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';

type SessionValues = {
  doctorId: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  emergencyReserve: string;
  room: string;
};

/** The form's text as the request: numbers from their boxes, an empty room left out (the doctor's own then). */
const toRequest = (v: SessionValues): Req<'opd.createSession'> => ({
  doctorId: Number(v.doctorId),
  date: v.date,
  startTime: v.startTime,
  endTime: v.endTime,
  capacity: Number(v.capacity),
  emergencyReserve: v.emergencyReserve === '' ? 0 : Number(v.emergencyReserve),
  ...(v.room.trim() ? { room: v.room } : {}),
});

/** Plans a token doctor's OPD session: its hours, how many tokens, how many kept for emergencies, and its room. */
export function SessionForm({ doctorId }: { doctorId?: number }) {
  const timeZone = useTimeZone();
  const form = useRequestForm('opd.createSession', toRequest, {
    doctorId: doctorId ? String(doctorId) : '',
    date: todayIn(timeZone),
    startTime: '09:00',
    endTime: '13:00',
    capacity: '40',
    emergencyReserve: '0',
    room: '',
  });
  const adding = useClinicMutation('opd.createSession');
  const add = form.handleSubmit(async (values) => {
    const r = await adding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`Session added: ${r.value.doctorName}, ${r.value.date} ${timeRange(r.value)}, ${r.value.capacity} tokens`);
    form.reset(values);
  });
  return (
    <form className="ui-form" onSubmit={add} aria-label="OPD session" noValidate>
      <FormProblem form={form} />
      <FormSelectField form={form} name="doctorId" label="Doctor">
        <option value="">Choose a doctor</option>
        <DoctorOptions withSpecialization />
      </FormSelectField>
      <div className="ui-row">
        <FormField form={form} name="date" label="Date" type="date" />
        <FormField form={form} name="startTime" label="From" type="time" />
        <FormField form={form} name="endTime" label="To" type="time" />
      </div>
      <div className="ui-row">
        <FormField form={form} name="capacity" label="Tokens" type="number" min={1} inputMode="numeric" />
        <FormField
          form={form}
          name="emergencyReserve"
          label="Kept for emergencies"
          type="number"
          min={0}
          inputMode="numeric"
          hint="The last tokens, only for an emergency"
        />
        <FormField form={form} name="room" label="Room" hint="Empty: the doctor's own room" />
      </div>
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
          Add session
        </Button>
      </div>
    </form>
  );
}
