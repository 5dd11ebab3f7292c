import { useState, type FormEvent } from 'react';
import type { PatientSummary, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { PatientPicker } from '../patients/PatientPicker';
import { DoctorOptions } from '../doctors/DoctorOptions';

type WalkInValues = { doctorId: string; reason: string };

/** A patient at the desk without an appointment: main finds the doctor's next free time today and checks them in. */
export function WalkInDialog({ onClose }: { onClose(): void }) {
  const [patient, setPatient] = useState<PatientSummary>();
  const toRequest = (v: WalkInValues): Req<'appointments.walkIn'> => ({
    patientId: patient?.id ?? 0,
    doctorId: Number(v.doctorId),
    ...(v.reason.trim() ? { reason: v.reason } : {}),
  });
  const form = useRequestForm('appointments.walkIn', toRequest, { doctorId: '', reason: '' });
  // The reply (the new appointment) goes straight into today's cached lists.
  const adding = useClinicMutation('appointments.walkIn');
  const send = form.handleSubmit(async (values) => {
    const r = await adding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`${r.value.patientName} added for ${r.value.doctorName} — token ${r.value.tokenNo}`);
    onClose();
  });
  // The two choices the schema would only call "too small", asked for in words first.
  const add = (e: FormEvent) => {
    const missing = !patient
      ? { message: 'Choose the patient first' }
      : !form.getValues('doctorId')
        ? { message: 'Choose a doctor', field: 'doctorId' }
        : undefined;
    if (!missing) return send(e);
    e.preventDefault();
    form.clearErrors();
    applyRefusal(form, { code: 'INVALID', ...missing });
  };
  return (
    <Dialog title="Walk-in patient" onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label="Walk-in" noValidate>
        <FormProblem form={form} />
        <FormSelectField form={form} name="doctorId" label="Doctor">
          <option value="">Choose a doctor</option>
          <DoctorOptions withSpecialization />
        </FormSelectField>
        <FormTextAreaField form={form} name="reason" label="Reason for the visit" rows={2} />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            Add to today’s queue
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
