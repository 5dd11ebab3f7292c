import { useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextAreaField } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';
import { PatientPicker } from '../patients/PatientPicker';
import { DoctorOptions } from '../doctors/DoctorOptions';

/** A patient at the desk without an appointment: main finds the doctor's next free time today and checks them in. */
export function WalkInDialog({ onClose }: { onClose(): void }) {
  const [patient, setPatient] = useState<PatientSummary>();
  const form = useForm({ doctorId: '', reason: '' });
  const v = form.values;
  // The reply (the new appointment) goes straight into today's cached lists.
  const adding = useClinicMutation('appointments.walkIn');
  const add = form.submit(
    async () => {
      if (!patient) return { ok: false as const, error: { code: 'INVALID' as const, message: 'Choose the patient first' } };
      if (!v.doctorId) return { ok: false as const, error: { code: 'INVALID' as const, message: 'Choose a doctor', field: 'doctorId' } };
      return adding.call({ patientId: patient.id, doctorId: Number(v.doctorId), ...(v.reason.trim() ? { reason: v.reason } : {}) });
    },
    (a) => {
      toast(`${a.patientName} added for ${a.doctorName} — token ${a.tokenNo}`);
      onClose();
    },
  );
  return (
    <Dialog title="Walk-in patient" onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label="Walk-in" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        <SelectField label="Doctor" value={v.doctorId} onChange={form.change('doctorId')} error={form.at('doctorId')}>
          <option value="">Choose a doctor</option>
          <DoctorOptions withSpecialization />
        </SelectField>
        <TextAreaField label="Reason for the visit" value={v.reason} onChange={form.change('reason')} error={form.at('reason')} rows={2} />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={form.busy}>
            Add to today’s queue
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
