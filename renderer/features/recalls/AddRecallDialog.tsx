import { useState } from 'react';
import type { PatientSummary, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { shiftDate, shortDay, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { askFirst, PATIENT_FIRST } from '../../ui/form/ask-first';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PatientPicker } from '../patients';

interface RecallValues {
  /** "" is any doctor. */
  doctorId: string;
  inDays: number;
  reason: string;
}

/** "See again in 2 weeks": a recall due some days from today, with one doctor or any. */
export function AddRecallDialog({ onClose }: { onClose(): void }) {
  const today = todayIn(useTimeZone());
  const [patient, setPatient] = useState<PatientSummary>();
  const toRequest = (v: RecallValues): Req<'recalls.create'> => ({
    patientId: patient?.id ?? 0,
    ...(v.doctorId ? { doctorId: Number(v.doctorId) } : {}),
    inDays: v.inDays,
    ...(v.reason.trim() ? { reason: v.reason } : {}),
  });
  const form = useRequestForm('recalls.create', toRequest, { doctorId: '', inDays: 14, reason: '' });
  const creating = useClinicMutation('recalls.create');
  const send = form.handleSubmit(async (v) => {
    const r = await creating.call(toRequest(v));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`Recall for ${r.value.patientName} due ${shortDay(r.value.dueDate)}`);
    onClose();
  });
  const add = askFirst(form, send, () => (patient ? undefined : PATIENT_FIRST));
  const days = form.watch('inDays');
  return (
    <Dialog title="Add a recall" onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label="Recall" noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="doctorId" label="Doctor">
            <option value="">Any doctor</option>
            <DoctorOptions />
          </FormSelectField>
          <Field
            label="See again in (days)"
            type="number"
            min={1}
            max={730}
            {...form.register('inDays', { valueAsNumber: true })}
            error={form.getFieldState('inDays', form.formState).error?.message}
            hint={Number.isInteger(days) && days > 0 ? `Due ${shortDay(shiftDate(today, days))}` : undefined}
          />
        </div>
        <FormField form={form} name="reason" label="Reason" />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            Add the recall
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
